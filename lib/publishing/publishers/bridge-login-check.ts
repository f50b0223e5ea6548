/**
 * The bridge's login check. xiaohongshu-mcp answers GET /api/v1/login/status by opening a new
 * browser and page and loading RED (xiaohongshu/login.go: up to 30 s), so: one check per account
 * at a time in this process (a second caller joins the running one instead of opening a second
 * browser session on the bridge), a timeout that fits (statusTimeoutMs, default 45 s), no retry,
 * and a timeout reported as "slow" (the bridge took the request but its browser did not finish),
 * apart from "unreachable" (nothing listens).
 */
import { OutboundError, resilientFetch } from "@/lib/http/resilient-fetch";
import { accountBreaker } from "./account-breaker";
import { healthFromError } from "./health-from-error";
import type { HealthResult, PublisherRuntime } from "./types";
import { bridgeHeaders, bridgeUrl, envelopeOf } from "./bridge-http";
import type { BridgeConfig } from "./xhs-bridge";

const running = new Map<string, Promise<HealthResult>>();

/** The logged-in nickname, as a short single line (it is shown as "Logged in as …"). */
const cleanName = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 40);

async function askBridge(config: BridgeConfig, runtime: PublisherRuntime): Promise<HealthResult> {
  try {
    const res = await resilientFetch(
      bridgeUrl(config, "/api/v1/login/status"),
      { headers: bridgeHeaders(config) },
      {
        timeoutMs: config.statusTimeoutMs,
        idempotent: true,
        retries: 0,
        breaker: accountBreaker(runtime),
        sleep: runtime.sleep,
        dispatcher: runtime.dispatcher,
      },
    );
    const env = await envelopeOf(res);
    if (res.status === 401 || res.status === 403)
      return { ok: false, code: "token_refused", loggedIn: null, message: "The bridge refused the token" };
    // Not the bridge's words: whatever answered may not be a bridge at all.
    if (!res.ok)
      return {
        ok: false,
        code: "bad_answer",
        loggedIn: null,
        message: `Bridge answered HTTP ${res.status}${env?.code ? ` ${env.code}` : ""}`,
      };
    if (!env?.success) return { ok: false, code: "bad_answer", loggedIn: null, message: "Bridge answered without a success envelope" };
    const loggedIn = env.data?.is_logged_in === true;
    const who = loggedIn && typeof env.data?.username === "string" ? ` as ${cleanName(env.data.username)}` : "";
    return loggedIn
      ? { ok: true, code: "logged_in", loggedIn: true, message: `Logged in${who}` }
      : {
          ok: false,
          code: "logged_out",
          loggedIn: false,
          message: "The bridge is running but the account is logged out: scan the QR code again",
        };
  } catch (error) {
    if (error instanceof OutboundError && error.kind === "timeout") {
      return {
        ok: false,
        code: "slow",
        loggedIn: null,
        message: `Bridge is running but its login check took longer than ${Math.round(config.statusTimeoutMs / 1000)} s (it opens a browser page)`,
      };
    }
    return healthFromError(error, "Bridge");
  }
}

export function checkBridgeLogin(config: BridgeConfig, runtime: PublisherRuntime): Promise<HealthResult> {
  const key = `${runtime.workspaceId}:${runtime.accountId}`;
  const current = running.get(key);
  if (current) return current;
  const check = askBridge(config, runtime).finally(() => running.delete(key));
  running.set(key, check);
  return check;
}
