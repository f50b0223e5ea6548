/**
 * "Test connection" for one account: asks its publisher for health, records the result on the
 * account, and moves the status when the answer says so (logged out -> needs_login; healthy
 * again after needs_login / error -> active). Paused accounts stay paused. The network call
 * runs outside any transaction (the embedded client is serialized). The scheduled health
 * check (health-check-accounts.ts) runs the same probe through `probeAccount`.
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

export type HealthOverrides = Partial<Pick<PublisherRuntime, "cache" | "breaker" | "sleep" | "dispatcher">>;

export function nextStatus(
  account: Pick<Account, "status" | "statusReason">,
  health: HealthResult,
): { status: Account["status"]; reason: string | null } {
  if (account.status === "paused") return { status: "paused", reason: account.statusReason };
  if (health.loggedIn === false) return { status: "needs_login", reason: health.message };
  if (health.ok && (account.status === "needs_login" || account.status === "error")) return { status: "active", reason: null };
  return { status: account.status, reason: account.statusReason };
}

/** The publisher's health answer for an account (never throws: problems become a failed result). */
export async function probeAccount(db: Db, account: Account, overrides: HealthOverrides = {}): Promise<HealthResult> {
  const publisher = getPublisher(account.publisherId);
  if (!publisher) return { ok: false, code: "unknown_publisher", loggedIn: null, message: `Unknown publisher ${account.publisherId}` };
  const parsed = publisher.configSchema.safeParse(publisherConfigFor(account));
  if (!parsed.success)
    return { ok: false, code: "config_incomplete", loggedIn: null, message: "The publisher settings are incomplete: edit the account" };
  try {
    return await publisher.checkHealth(parsed.data, { workspaceId: account.workspaceId, accountId: account.id, db, ...overrides });
  } catch (error) {
    return { ok: false, code: "unreachable", loggedIn: null, message: (error as Error).message.slice(0, 300) };
  }
}

/** The columns a health answer writes on the account. */
export function checkColumns(account: Account, health: HealthResult, now = new Date()) {
  const next = nextStatus(account, health);
  return {
    lastCheckAt: now,
    lastCheckOk: health.ok,
    lastCheckMessage: health.message.slice(0, 300),
    status: next.status,
    statusReason: next.reason,
  };
}

export async function checkAccountConnection(
  db: Db,
  ctx: WorkspaceContext,
  accountId: string,
  overrides: HealthOverrides = {},
): Promise<ConnectionResult> {
  const account = await getAccount(db, ctx, accountId);
  if (!account) throw new AppError("NOT_FOUND");
  const health = await probeAccount(db, account, overrides);
  const columns = checkColumns(account, health);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set(columns).where(eq(accounts.id, accountId));
    await recordAudit(tx, ctx, {
      action: "accounts.check_connection",
      targetType: "account",
      targetId: accountId,
      before: { status: account.status },
      after: { ok: health.ok, loggedIn: health.loggedIn, status: columns.status },
    });
  });
  return { ...health, accountId, status: columns.status };
}
