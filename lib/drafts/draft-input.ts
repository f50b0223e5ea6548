/** zod schemas for what callers send to create and save drafts (shared by actions, routes and OpenAPI). */
import { z } from "zod";
import { draftDocSchema } from "./doc-types";
import { idSchema } from "@/lib/validation/id-schema";

const title = z.string().max(500);
const tags = z.array(z.string().trim().min(1).max(30)).max(30);
const accountIds = z.array(idSchema).max(100);
/** Our media library's URLs, or an absolute http(s) URL; never javascript:, data: or another scheme. */
const imageUrl = z
  .string()
  .max(2000)
  .refine((u) => /^\/api\/v1\/media\/med_[A-Za-z0-9_-]+\/file$/.test(u) || /^https?:\/\/[^\s]+$/.test(u), "not an allowed image URL");
const images = z.array(z.object({ url: imageUrl, alt: z.string().max(200) }).strict()).max(50);

export const createDraftSchema = z
  .object({
    title: title.default(""),
    doc: draftDocSchema.optional(),
    /** Plain text, one paragraph per line: for API clients that have no editor document. */
    text: z.string().max(200_000).optional(),
    accountIds: accountIds.default([]),
    folderId: z.string().max(64).nullable().default(null),
    tags: tags.default([]),
    images: images.default([]),
  })
  .strict();
export type CreateDraftInput = z.input<typeof createDraftSchema>;

export const saveDraftSchema = z
  .object({
    baseVersion: z.number().int().min(1),
    title: title.optional(),
    doc: draftDocSchema.optional(),
    accountIds: accountIds.optional(),
    folderId: z.string().max(64).nullable().optional(),
    tags: tags.optional(),
    images: images.optional(),
  })
  .strict();
export type SaveDraftInput = z.input<typeof saveDraftSchema>;
