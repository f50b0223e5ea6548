/**
 * Collects one of the team's own accounts into the same series as competitors (subject type
 * "account"). The bridge is the account's own xiaohongshu-mcp (its xhs-bridge publisher
 * settings: URL and token), read through GET /api/v1/user/me, so no xsec token is needed. An
 * account publishing some other way can use the data bridge, but only when that bridge is logged
 * in as this very account (its RED id must match): a profile of someone else is not ours.
 */
import type { Db } from "@/db/client";
import type { Account } from "@/db/schema";
import { getAccount } from "@/lib/accounts/queries";
import { publisherConfigFor } from "@/lib/accounts/publisher-settings";
import type { IngestActor } from "../ingest/ingest-subject-data";
import { AppError } from "@/lib/errors/app-error";
import { recordCollection } from "../ingest/collection-status";
import { collectProfile, type CollectOptions, type CollectSummary } from "./collect-profile";
import { bridgeClientFor } from "./bridge-client-for";
import { BridgeError, type DataBridgeClient } from "./data-bridge-client";
import { guardCollectNow } from "./guard-collect-now";

export type OwnBridgeSource = "bridge_own" | "bridge_data";

/** Which kind of bridge would collect this account (for lists: reads no secrets). */
export function ownBridgeKind(account: Pick<Account, "publisherId" | "publisherConfig">, hasDataBridge: boolean): OwnBridgeSource | null {
  if (account.publisherId === "xhs-bridge" && account.publisherConfig.baseUrl) return "bridge_own";
  return hasDataBridge ? "bridge_data" : null;
}

/** The bridge that collects this account, or null when it has none. */
export function ownAccountBridge(
  account: Account,
  dataBridge: DataBridgeClient | null,
): { source: OwnBridgeSource; client: DataBridgeClient } | null {
  if (ownBridgeKind(account, dataBridge !== null) === "bridge_own") {
    const client = bridgeClientFor(publisherConfigFor(account) as { baseUrl?: string; token?: string });
    if (client) return { source: "bridge_own", client };
  }
  return dataBridge ? { source: "bridge_data", client: dataBridge } : null;
}

export async function collectOwnAccount(
  db: Db,
  ctx: IngestActor & { accountIds?: string[] | null },
  accountId: string,
  dataBridge: DataBridgeClient | null,
  o: CollectOptions & { skipRateLimit?: boolean } = {},
): Promise<CollectSummary & { source: OwnBridgeSource }> {
  const account = await getAccount(db, { workspaceId: ctx.workspaceId, accountIds: ctx.accountIds ?? null }, accountId);
  if (!account) throw new AppError("NOT_FOUND", { detail: "account" });
  const bridge = ownAccountBridge(account, dataBridge);
  if (!bridge) {
    await recordCollection(db, {
      workspaceId: ctx.workspaceId,
      source: "bridge_own",
      subjectKey: account.id,
      ok: false,
      error: "NO_BRIDGE: no xhs-bridge publisher and no data bridge",
    });
    throw new AppError("UNPROCESSABLE", {
      fieldErrors: { bridge: ["Set the account's publisher to xhs-bridge (or configure XHS_DATA_BRIDGE_URL)"] },
    });
  }
  if (!o.skipRateLimit) await guardCollectNow(ctx.workspaceId);
  const readProfile = async () => {
    const profile = await bridge.client.myProfile();
    const loggedInAs = profile.userBasicInfo?.redId;
    if (bridge.source === "bridge_data" && loggedInAs !== account.redId) {
      throw new BridgeError(`the data bridge is logged in as ${loggedInAs ?? "nobody"}, not ${account.redId}`, "OTHER_ACCOUNT");
    }
    return profile;
  };
  const summary = await collectProfile(db, ctx, { type: "account", id: account.id }, bridge.source, bridge.client, readProfile, o);
  return { ...summary, source: bridge.source };
}
