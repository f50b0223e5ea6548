/**
 * A small client for the read-only data endpoints of the xiaohongshu-mcp bridge (docs/RED.md):
 * user profile, the logged-in account's own profile (GET /api/v1/user/me), feed search, note detail. Each call has a timeout; read-only calls are retried
 * once after a short backoff (never the case for publishing, which lives elsewhere).
 */
export class BridgeError extends Error {
  constructor(message: string, readonly code: string) {
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

type Options = { baseUrl: string; token?: string; timeoutMs?: number; retryDelayMs?: number };

export function createDataBridgeClient(o: Options): DataBridgeClient {
  const base = o.baseUrl.replace(/\/$/, "");
  async function once<T>(path: string, body: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      throw new BridgeError(timedOut ? `bridge timed out after ${o.timeoutMs ?? 15_000} ms` : `bridge unreachable: ${(error as Error).message}`, timedOut ? "TIMEOUT" : "UNREACHABLE");
    }
    const json = (await res.json().catch(() => null)) as { success?: boolean; data?: T; error?: string; code?: string } | null;
    if (!res.ok || !json || json.success !== true) throw new BridgeError(json?.error ?? `bridge answered ${res.status}`, json?.code ?? `HTTP_${res.status}`);
    return json.data as T;
  }
  async function call<T>(path: string, body: unknown): Promise<T> {
    try {
      return await once<T>(path, body);
    } catch (error) {
      // Bad requests will fail again; only transport problems are worth one more try.
      if (error instanceof BridgeError && (error.code === "INVALID_REQUEST" || error.code.startsWith("HTTP_4"))) throw error;
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
