/**
 * A publish the bridge refused because the account is logged out moves the account to
 * `needs_login` at once (not at the next 30-minute health check), so nothing else is sent to
 * it until someone scans the QR code again. Only an `active` account moves (a person's pause
 * wins); audited as the system and announced like the health check's (announce-needs-login.ts).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { deliverOutbox } from "@/lib/notifications/channels/notification-outbox";
import { announceNeedsLogin } from "./announce-needs-login";

export async function markNeedsLogin(db: Db, target: { workspaceId: string; accountId: string }, reason: string): Promise<boolean> {
  const outboxIds = await db.transaction(async (tx) => {
    const [moved] = await tx
      .update(accounts)
      .set({
        status: "needs_login",
        statusReason: reason.slice(0, 300),
        lastCheckAt: new Date(),
        lastCheckOk: false,
        lastCheckMessage: reason.slice(0, 300),
      })
      .where(and(eq(accounts.id, target.accountId), eq(accounts.workspaceId, target.workspaceId), eq(accounts.status, "active")))
      .returning({ id: accounts.id, name: accounts.name });
    if (!moved) return null;
    const actor = { userId: null, userName: "发布 / publishing", workspaceId: target.workspaceId };
    await recordAudit(tx, actor, {
      action: "accounts.logged_out_on_publish",
      targetType: "account",
      targetId: moved.id,
      before: { status: "active" },
      after: { status: "needs_login", reason },
    });
    return announceNeedsLogin(tx, { workspaceId: target.workspaceId, ...moved }, reason);
  });
  if (outboxIds?.length) await deliverOutbox(db, { ids: outboxIds });
  return outboxIds !== null;
}
