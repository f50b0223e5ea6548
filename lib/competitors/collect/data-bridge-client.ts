/**
 * A small client for the read-only data endpoints of the xiaohongshu-mcp bridge (docs/RED.md):
 * user profile, the logged-in account's own profile (GET /api/v1/user/me), feed search, note detail. Each call has a timeout; read-only calls are retried
 * once after a short backoff (never the case for publishing, which lives elsewhere). Requests go
 * through the safe dispatcher (resolved address checked, redirects refused; the URL can be an
 * account's own bridge, i.e. user input). Errors carry the bridge's code token and our own text,
 * never the bridge's error text: it is stored and shown, and whatever answered may not be a bridge.
 */
import type { Dispatcher } from "undici";
import { RedirectRefusedError, RefusedAddressError, safeFetch } from "@/lib/http/safe-dispatcher";

export class BridgeError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "BridgeError";
  }
}

export type BridgeFeed = {
  id: string;
  xsecToken?: string;
  noteCard: {
    type?: string;
    displayTitle?: string;
    user?: { userId?: string; nickname?: string; avatar?: string };
    interactInfo?: { likedCount?: string; collectedCount?: string; commentCount?: string; sharedCount?: string };
  };
};
export type BridgeProfile = {
  userBasicInfo?: { nickname?: string; images?: string; imageb?: string; desc?: string; redId?: string };
  interactions?: { type: string; name?: string; count: string }[];
  feeds?: BridgeFeed[];
};
export type BridgeNoteDetail = {
  noteId?: string;
  title?: string;
  desc?: string;
  type?: string;
  time?: number;
  lastUpdateTime?: number;
  imageList?: unknown[];
  tagList?: { name?: string }[];
  interactInfo?: { likedCount?: string; collectedCount?: string; commentCount?: string; sharedCount?: string };
};

export type DataBridgeClient = {
  userProfile(userId: string, xsecToken: string): Promise<BridgeProfile>;
  /** The profile of the account the bridge is logged in as (no xsec token needed). */
  myProfile(): Promise<BridgeProfile>;
  searchFeeds(keyword: string): Promise<BridgeFeed[]>;
  feedDetail(feedId: string, xsecToken: string): Promise<BridgeNoteDetail>;
};

type Options = { baseUrl: string; token?: string; timeoutMs?: number; retryDelayMs?: number; dispatcher?: Dispatcher };

/** A transport failure -> BridgeError with a classified code. */
function transportError(error: unknown, timeoutMs: number): BridgeError {
  const cause = (error as { cause?: unknown })?.cause;
  const refused = error instanceof RefusedAddressError ? error : cause instanceof RefusedAddressError ? cause : null;
  if (refused) return new BridgeError(refused.message, "REFUSED_ADDRESS");
  if (error instanceof RedirectRefusedError) return new BridgeError(error.message, "REDIRECT_REFUSED");
  if ((error as Error).name === "TimeoutError") return new BridgeError(`bridge timed out after ${timeoutMs} ms`, "TIMEOUT");
  const code = (cause as { code?: unknown })?.code;
  return new BridgeError(`bridge unreachable${typeof code === "string" ? ` (${code})` : ""}`, "UNREACHABLE");
}

/** The bridge's error code when it is a plain token (INVALID_REQUEST …), else the HTTP status. */
const codeOf = (code: unknown, status: number) =>
  typeof code === "string" && /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : `HTTP_${status}`;
const noRetry = new Set(["INVALID_REQUEST", "REFUSED_ADDRESS", "REDIRECT_REFUSED"]);

export function createDataBridgeClient(o: Options): DataBridgeClient {
  const base = o.baseUrl.replace(/\/$/, "");
  async function once<T>(path: string, body: unknown): Promise<T> {
    let res: Response;
    try {
      res = await safeFetch(`${base}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        dispatcher: o.dispatcher,
      });
    } catch (error) {
      throw transportError(error, o.timeoutMs ?? 15_000);
    }
    const json = (await res.json().catch(() => null)) as { success?: boolean; data?: T; code?: unknown } | null;
    if (res.ok && json?.success === true) return json.data as T;
    const message = res.ok ? "the bridge answered without success" : `the bridge answered HTTP ${res.status}`;
    throw new BridgeError(message, codeOf(json?.code, res.status));
  }
  async function call<T>(path: string, body: unknown): Promise<T> {
    try {
      return await once<T>(path, body);
    } catch (error) {
      // Bad requests will fail again; only transport problems are worth one more try.
      if (error instanceof BridgeError && (noRetry.has(error.code) || error.code.startsWith("HTTP_4"))) throw error;
      await new Promise((r) => setTimeout(r, o.retryDelayMs ?? 500));
      return once<T>(path, body);
    }
  }
  return {
    async userProfile(userId, xsecToken) {
      const data = await call<{ data?: BridgeProfile } & BridgeProfile>("/api/v1/user/profile", { user_id: userId, xsec_token: xsecToken });
      return data.data ?? data;
    },
    async myProfile() {
      const data = await call<{ data?: BridgeProfile } & BridgeProfile>("/api/v1/user/me", undefined);
      return data.data ?? data;
    },
    async searchFeeds(keyword) {
      return (await call<{ feeds?: BridgeFeed[] }>("/api/v1/feeds/search", { keyword })).feeds ?? [];
    },
    async feedDetail(feedId, xsecToken) {
      const data = await call<{ data?: { note?: BridgeNoteDetail } }>("/api/v1/feeds/detail", { feed_id: feedId, xsec_token: xsecToken });
      return data.data?.note ?? {};
    },
  };
}
