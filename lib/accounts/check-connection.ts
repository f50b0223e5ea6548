/**
 * "Test connection" for one account: asks its publisher for health, records the result on the
 * account, and moves the status when the answer says so (logged out -> needs_login; healthy
 * again after needs_login / error -> active). Paused accounts stay paused. The network call
 * runs outside any transaction (the embedded client is serialized).
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { getPublisher } from "@/lib/publishing/publishers/registry";
import type { HealthResult, PublisherRuntime } from "@/lib/publishing/publishers/types";
import { publisherConfigFor } from "./publisher-settings";
import { getAccount } from "./queries";

export type ConnectionResult = HealthResult & { accountId: string; status: Account["status"] };

type Overrides = Partial<Pick<PublisherRuntime, "cache" | "breaker" | "sleep">>;

function nextStatus(account: Account, health: HealthResult): { status: Account["status"]; reason: string | null } {
  if (account.status === "paused") return { status: "paused", reason: account.statusReason };
  if (health.loggedIn === false) return { status: "needs_login", reason: health.message };
  if (health.ok && (account.status === "needs_login" || account.status === "error")) return { status: "active", reason: null };
  return { status: account.status, reason: account.statusReason };
}

export async function checkAccountConnection(db: Db, ctx: WorkspaceContext, accountId: string, overrides: Overrides = {}): Promise<ConnectionResult> {
  const account = await getAccount(db, ctx, accountId);
  if (!account) throw new AppError("NOT_FOUND");
  const publisher = getPublisher(account.publisherId);
  let health: HealthResult;
  if (!publisher) health = { ok: false, code: "unknown_publisher", loggedIn: null, message: `Unknown publisher ${account.publisherId}` };
  else {
    const parsed = publisher.configSchema.safeParse(publisherConfigFor(account));
    health = parsed.success
      ? await publisher.checkHealth(parsed.data, { workspaceId: ctx.workspaceId, accountId, db, ...overrides })
      : { ok: false, code: "config_incomplete", loggedIn: null, message: "The publisher settings are incomplete: edit the account" };
  }
  const next = nextStatus(account, health);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ lastCheckAt: new Date(), lastCheckOk: health.ok, lastCheckMessage: health.message.slice(0, 300), status: next.status, statusReason: next.reason })
      .where(eq(accounts.id, accountId));
    await recordAudit(tx, ctx, {
      action: "accounts.check_connection", targetType: "account", targetId: accountId,
      before: { status: account.status }, after: { ok: health.ok, loggedIn: health.loggedIn, status: next.status },
    });
  });
  return { ...health, accountId, status: next.status };
}
