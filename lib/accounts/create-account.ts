/** Adds a RED account to the workspace, with its publisher settings (secrets encrypted). */
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { createAccountSchema, type CreateAccountInput } from "./account-schema";
import { resolvePublisherSettings } from "./publisher-settings";

export { createAccountSchema };

export async function assertRedIdFree(tx: DbOrTx, workspaceId: string, redId: string, exceptId?: string): Promise<void> {
  const [existing] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.redId, redId)))
    .limit(1);
  if (existing && existing.id !== exceptId) {
    throw new AppError("RED_ID_TAKEN", { fieldErrors: { redId: ["This RED id is already in the workspace"] } });
  }
}

/** Audit-safe summary of an input: never the publisher config (it may carry secrets). */
export function auditable(input: Partial<CreateAccountInput>): Record<string, unknown> {
  const { publisherConfig, ...rest } = input;
  return { ...rest, ...(publisherConfig ? { publisherConfig: "[changed]" } : {}) };
}

export async function createAccount(db: Db, ctx: WorkspaceContext, input: CreateAccountInput) {
  // Validate and encrypt before the transaction: nothing is written if the config is bad.
  const settings = resolvePublisherSettings(input.publisherId ?? "sandbox", input.publisherConfig ?? {}, null);
  const { publisherConfig: _c, publisherId: _p, ...fields } = input;
  return db.transaction(async (tx) => {
    await assertRedIdFree(tx, ctx.workspaceId, input.redId);
    const [account] = await tx
      .insert(accounts)
      .values({ ...fields, ...settings, id: newId("acc"), workspaceId: ctx.workspaceId })
      .returning();
    await recordAudit(tx, ctx, { action: "accounts.create", targetType: "account", targetId: account.id, after: auditable(input) });
    return account;
  });
}
