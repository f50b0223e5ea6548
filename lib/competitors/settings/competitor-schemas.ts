/** Input schemas for competitors (shared by the REST routes, the server actions and OpenAPI). */
import { z } from "zod";
import { webUrlSchema } from "@/lib/validation/web-url";
import { idSchema } from "@/lib/validation/id-schema";

const label = z.string().trim().min(1).max(30);

export const competitorFieldsSchema = z.object({
  name: z.string().trim().min(1).max(60),
  redUserId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, "Letters, digits, _ . - only"),
  profileUrl: webUrlSchema(500).nullable().optional(),
  xsecToken: z.string().trim().max(200).nullable().optional(),
  avatarUrl: webUrlSchema(500).nullable().optional(),
  groups: z.array(label).max(10).optional(),
  tags: z.array(label).max(20).optional(),
  notes: z.string().max(2000).nullable().optional(),
  comparedAccountIds: z.array(idSchema).max(50).optional(),
});

export const createCompetitorSchema = competitorFieldsSchema.strict();
export const updateCompetitorSchema = competitorFieldsSchema.partial().strict();
export const listCompetitorsQuerySchema = z.object({ group: z.string().max(30).optional(), q: z.string().max(60).optional() }).strict();

export type CreateCompetitorInput = z.infer<typeof createCompetitorSchema>;
export type UpdateCompetitorInput = z.infer<typeof updateCompetitorSchema>;
