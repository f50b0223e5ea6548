/**
 * The one place a data-bridge client is wired from settings: the workspace-wide data bridge
 * (XHS_DATA_BRIDGE_URL and its token) or an account's own xiaohongshu-mcp (its xhs-bridge
 * publisher URL and token). Collection calls share one timeout, so "collect now", the scheduled
 * run and own accounts wait the same.
 */
import { getEnv } from "@/lib/env";
import { createDataBridgeClient, type DataBridgeClient } from "./data-bridge-client";

export const collectTimeoutMs = 20_000;

export type BridgeSettings = { baseUrl?: string | null; token?: string | null };

/** A client for the bridge at `baseUrl`, or null when no URL is set. */
export function bridgeClientFor(settings: BridgeSettings): DataBridgeClient | null {
  return settings.baseUrl
    ? createDataBridgeClient({ baseUrl: settings.baseUrl, token: settings.token ?? undefined, timeoutMs: collectTimeoutMs })
    : null;
}

/** The workspace-wide data bridge, or null when XHS_DATA_BRIDGE_URL is unset. */
export function configuredDataBridge(): DataBridgeClient | null {
  const { url, token } = getEnv().dataBridge;
  return bridgeClientFor({ baseUrl: url, token });
}

/** Whether a data bridge is configured (for lists and forms: builds no client). */
export function hasDataBridge(): boolean {
  return Boolean(getEnv().dataBridge.url);
}
