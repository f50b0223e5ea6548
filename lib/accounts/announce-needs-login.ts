/**
 * Tells people an account needs its QR code scanned again: in the app, the members who manage
 * it; on channels, every one subscribed to `account_needs_login`. Runs inside the transaction
 * that moved the account (health check, or a publish the bridge refused as logged out); the
 * outbox ids it returns are delivered after the commit.
 */
import type { DbOrTx } from "@/db/client";
import { enqueueNotification } from "@/lib/notifications/channels/notification-outbox";
import { notify } from "@/lib/notifications/notifications";
import { accountManagerUserIds } from "./account-managers";

export async function announceNeedsLogin(
  tx: DbOrTx,
  account: { workspaceId: string; id: string; name: string },
  reason: string | null,
  now = new Date(),
): Promise<string[]> {
  await notify(tx, account.workspaceId, await accountManagerUserIds(tx, account.workspaceId, account.id), "account_needs_login", {
    accountId: account.id,
    title: account.name,
    reason,
  });
  return enqueueNotification(
    tx,
    account.workspaceId,
    { kind: "account_needs_login", payload: { accountId: account.id, reason, path: `/accounts/${account.id}` }, at: now },
    now,
  );
}
