/**
 * Status changes: pause / resume by a person, archive (refused while history exists), and the
 * status a connection check implies. Each writes an audit event in its transaction.
 */
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { hasPublishingHistory } from "./has-publishing-history";
import { getAccount } from "./queries";

type Status = Account["status"];

export async function applyStatus(
  tx: DbOrTx,
  ctx: WorkspaceContext,
  account: Account,
  status: Status,
  reason: string | null,
  action: string,
) {
  const [after] = await tx
    .update(accounts)
    .set({ status, statusReason: reason })
    .where(and(eq(accounts.id, account.id), eq(accounts.workspaceId, ctx.workspaceId)))
    .returning();
  await recordAudit(tx, ctx, {
    action,
    targetType: "account",
    targetId: account.id,
    before: { status: account.status },
    after: { status, reason },
  });
  return after;
}

export async function pauseAccount(db: Db, ctx: WorkspaceContext, accountId: string, reason?: string) {
  return db.transaction(async (tx) => {
    const account = await getAccount(tx, ctx, accountId);
    if (!account) throw new AppError("NOT_FOUND");
    if (account.status === "paused") return account;
    return applyStatus(tx, ctx, account, "paused", reason?.trim() || `Paused by ${ctx.userName}`, "accounts.pause");
  });
}

export async function resumeAccount(db: Db, ctx: WorkspaceContext, accountId: string) {
  return db.transaction(async (tx) => {
    const account = await getAccount(tx, ctx, accountId);
    if (!account) throw new AppError("NOT_FOUND");
    if (account.status === "active") return account;
    return applyStatus(tx, ctx, account, "active", null, "accounts.resume");
  });
}

export async function archiveAccount(db: Db, ctx: WorkspaceContext, accountId: string) {
  return db.transaction(async (tx) => {
    const account = await getAccount(tx, ctx, accountId);
    if (!account) throw new AppError("NOT_FOUND");
    const history = await hasPublishingHistory(tx, accountId);
    if (history.hasHistory) {
      const detail = Object.entries(history.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k.replace(/_/g, " ")}`)
        .join(", ");
      throw new AppError("ACCOUNT_HAS_HISTORY", { detail, fieldErrors: { _: [`Has ${detail}`] } });
    }
    const [after] = await tx
      .update(accounts)
      .set({ archivedAt: new Date(), status: "paused", statusReason: "Archived" })
      .where(eq(accounts.id, accountId))
      .returning();
    await recordAudit(tx, ctx, {
      action: "accounts.archive",
      targetType: "account",
      targetId: accountId,
      before: { status: account.status },
    });
    return after;
  });
}
