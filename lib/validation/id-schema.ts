/** An id as callers send it: our ids (`acc_…`, `job_…`) and RED's, never empty, never long. */
import { z } from "zod";

export const idSchema = z.string().min(1).max(64);

/** `{ id }` alone: the input of actions on one object (delete, retry, …). */
export const byIdSchema = z.object({ id: idSchema }).strict();
