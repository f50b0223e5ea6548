/**
 * The scheduled health check (every 30 minutes, through the signed account-health webhook):
 * asks the publisher of every active or needs_login account whether it can publish, records
 * the answer on the account, and moves the status like "Test connection" does: logged out ->
 * needs_login with the bridge's reason; healthy again -> active. A status change is audited
 * (actor "system") and, for needs_login, reaches the members who manage the account in the app
 * and every notification channel subscribed to `account_needs_login`. Checks that change
 * nothing only update the last-check columns (no audit noise every 30 minutes).
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { deliverOutbox } from "@/lib/notifications/channels/notification-outbox";
import { announceNeedsLogin } from "./announce-needs-login";
import { checkColumns, probeAccount, type HealthOverrides } from "./check-connection";

export const healthCheckActor = { userId: null, userName: "健康检查 / health check" } as const;

export type HealthCheckChange = {
  accountId: string;
  workspaceId: string;
  from: Account["status"];
  to: Account["status"];
  reason: string | null;
};
export type HealthCheckSummary = { checked: number; changed: HealthCheckChange[] };

async function inPool<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}

async function checkOne(db: Db, account: Account, overrides: HealthOverrides, now: Date): Promise<HealthCheckChange | null> {
  const health = await probeAccount(db, account, overrides);
  const columns = checkColumns(account, health, now);
  const change =
    columns.status !== account.status
      ? { accountId: account.id, workspaceId: account.workspaceId, from: account.status, to: columns.status, reason: columns.statusReason }
      : null;
  const outboxIds = await db.transaction(async (tx) => {
    // Only if nobody changed the status meanwhile (a person pausing it wins over the probe).
    const rows = await tx
      .update(accounts)
      .set(
        change
          ? columns
          : { lastCheckAt: columns.lastCheckAt, lastCheckOk: columns.lastCheckOk, lastCheckMessage: columns.lastCheckMessage },
      )
      .where(and(eq(accounts.id, account.id), eq(accounts.status, account.status)))
      .returning({ id: accounts.id });
    if (!rows.length || !change) return null;
    const actor = { ...healthCheckActor, workspaceId: account.workspaceId };
    await recordAudit(tx, actor, {
      action: "accounts.health_check",
      targetType: "account",
      targetId: account.id,
      before: { status: account.status },
      after: { status: change.to, reason: change.reason, ok: health.ok, loggedIn: health.loggedIn },
    });
    return change.to === "needs_login" ? announceNeedsLogin(tx, account, change.reason, now) : [];
  });
  if (!outboxIds || !change) return null;
  // Channel messages go out after the commit; the outbox retries them if a robot is down.
  if (outboxIds.length) await deliverOutbox(db, { ids: outboxIds });
  return change;
}

export async function healthCheckAccounts(
  db: Db,
  options: { overrides?: HealthOverrides; now?: Date; concurrency?: number } = {},
): Promise<HealthCheckSummary> {
  const now = options.now ?? new Date();
  const due = await db
    .select()
    .from(accounts)
    .where(and(isNull(accounts.archivedAt), inArray(accounts.status, ["active", "needs_login"])));
  const changes = await inPool(due, options.concurrency ?? 4, (account) => checkOne(db, account, options.overrides ?? {}, now));
  return { checked: due.length, changed: changes.filter((c): c is HealthCheckChange => c !== null) };
}
