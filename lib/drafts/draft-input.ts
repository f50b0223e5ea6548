/** zod schemas for what callers send to create and save drafts (shared by actions, routes and OpenAPI). */
import { z } from "zod";
import { draftDocSchema } from "./doc-types";

const title = z.string().max(500);
const tags = z.array(z.string().trim().min(1).max(30)).max(30);
const accountIds = z.array(z.string().min(1).max(64)).max(100);
const images = z.array(z.object({ url: z.string().url().max(2000), alt: z.string().max(200) }).strict()).max(50);

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
