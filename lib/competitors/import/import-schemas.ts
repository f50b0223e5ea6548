/** Query parameters of the import routes (the body is the file itself). */
import { z } from "zod";
import type { AssignMode } from "./resolve-authors";
import { idSchema } from "@/lib/validation/id-schema";

export const importQuerySchema = z
  .object({
    fileName: z.string().trim().min(1).max(200).default("import"),
    runId: z
      .string()
      .regex(/^imp_[A-Za-z0-9_-]{8,40}$/)
      .optional(),
    competitorId: idSchema.optional(),
    createMissing: z.enum(["true", "false"]).default("true"),
  })
  .strict();

export function assignModeOf(q: z.infer<typeof importQuerySchema>): AssignMode {
  return q.competitorId
    ? { mode: "competitor", competitorId: q.competitorId }
    : { mode: "by_author", createMissing: q.createMissing === "true" };
}
