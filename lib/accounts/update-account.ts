/** Edits an account the caller can see (others: NOT_FOUND). Archived accounts are read-only. */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import type { UpdateAccountInput } from "./account-schema";
import { assertRedIdFree, auditable } from "./create-account";
import { resolvePublisherSettings } from "./publisher-settings";
import { getAccount } from "./queries";

export async function updateAccount(db: Db, ctx: WorkspaceContext, accountId: string, input: UpdateAccountInput) {
  return db.transaction(async (tx) => {
    const before = await getAccount(tx, ctx, accountId, { includeArchived: true });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.archivedAt) throw new AppError("ACCOUNT_ARCHIVED");
    if (input.redId && input.redId !== before.redId) await assertRedIdFree(tx, ctx.workspaceId, input.redId, accountId);
    const { publisherConfig, publisherId, ...fields } = input;
    const settings =
      publisherConfig !== undefined || publisherId !== undefined
        ? resolvePublisherSettings(
            publisherId ?? before.publisherId,
            publisherConfig ?? (publisherId && publisherId !== before.publisherId ? {} : before.publisherConfig),
            before,
          )
        : {};
    const [after] = await tx
      .update(accounts)
      .set({ ...fields, ...settings })
      .where(and(eq(accounts.id, accountId), eq(accounts.workspaceId, ctx.workspaceId)))
      .returning();
    const changed = Object.fromEntries(Object.keys(auditable(input)).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await recordAudit(tx, ctx, {
      action: "accounts.update",
      targetType: "account",
      targetId: accountId,
      before: auditable(changed),
      after: auditable(input),
    });
    return after;
  });
}
