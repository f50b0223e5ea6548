/**
 * PATCH /accounts/{id}: field edits, a status change (pause / resume) or archiving. Archiving
 * cannot be combined with other changes, so a refused archive never leaves edits half-applied.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { updateAccountSchema } from "./account-schema";
import { archiveAccount, pauseAccount, resumeAccount } from "./account-status";
import { updateAccount } from "./update-account";
import { getAccount } from "./queries";

export const patchAccountSchema = updateAccountSchema
  .extend({
    status: z.enum(["active", "paused"]).optional(),
    statusReason: z.string().trim().max(200).optional(),
    archived: z.literal(true).optional(),
  })
  .strict();

export async function patchAccount(db: Db, ctx: WorkspaceContext, accountId: string, input: z.infer<typeof patchAccountSchema>) {
  const { status, statusReason, archived, ...fields } = input;
  if (archived) {
    if (Object.keys(fields).length || status)
      throw new AppError("VALIDATION_FAILED", { fieldErrors: { archived: ["Archive on its own, without other changes"] } });
    return archiveAccount(db, ctx, accountId);
  }
  let account = Object.keys(fields).length ? await updateAccount(db, ctx, accountId, fields) : await getAccount(db, ctx, accountId);
  if (!account) throw new AppError("NOT_FOUND");
  if (status === "paused") account = await pauseAccount(db, ctx, accountId, statusReason);
  if (status === "active") account = await resumeAccount(db, ctx, accountId);
  return account;
}
