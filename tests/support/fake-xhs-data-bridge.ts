/**
 * A tiny stand-in for the xiaohongshu-mcp bridge's data endpoints, in its documented envelope
 * (docs/RED.md): POST /api/v1/user/profile, GET /api/v1/user/me (the logged-in account's own
 * profile, no xsec token), GET|POST /api/v1/feeds/search, POST /api/v1/feeds/detail.
 * Tests set `profiles`, `notes`, `me` (who is logged in), `token` (a required Bearer token),
 * `failNext` (an error envelope) or `delayMs` (for timeouts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeNote = {
  id: string;
  userId: string;
  nickname: string;
  title: string;
  desc: string;
  type: "normal" | "video";
  time: number;
  likes: string;
  collects: string;
  comments: string;
  shares: string;
};
export type FakeProfile = { userId: string; nickname: string; fans: string; follows: string; interaction: string; noteIds: string[] };

export type FakeBridge = {
  url: string;
  profiles: Map<string, FakeProfile>;
  notes: Map<string, FakeNote>;
  calls: { path: string; body: Record<string, unknown> }[];
  failNext: { error: string; code: string; status: number } | null;
  delayMs: number;
  me: FakeProfile | null;
  token: string | null;
  close(): Promise<void>;
};

function feedOf(n: FakeNote) {
  return {
    id: n.id,
    xsecToken: `xsec_${n.id}`,
    noteCard: {
      type: n.type,
      displayTitle: n.title,
      user: { userId: n.userId, nickname: n.nickname, avatar: "" },
      interactInfo: { likedCount: n.likes, collectedCount: n.collects, commentCount: n.comments, sharedCount: n.shares },
      cover: {},
    },
  };
}

export async function startFakeDataBridge(): Promise<FakeBridge> {
  const state = {
    profiles: new Map<string, FakeProfile>(),
    notes: new Map<string, FakeNote>(),
    calls: [] as FakeBridge["calls"],
    failNext: null as FakeBridge["failNext"],
    delayMs: 0,
    me: null as FakeProfile | null,
    token: null as string | null,
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://x");
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>)
      : Object.fromEntries(url.searchParams);
    state.calls.push({ path: url.pathname, body });
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
    const send = (status: number, payload: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    if (state.failNext) {
      const f = state.failNext;
      state.failNext = null;
      return send(f.status, { error: f.error, code: f.code, details: null });
    }
    if (state.token && req.headers.authorization !== `Bearer ${state.token}`)
      return send(401, { error: "unauthorized", code: "UNAUTHORIZED", details: null });
    const ok = (data: unknown) => send(200, { success: true, data, message: "ok" });
    const profileOf = (p: FakeProfile) => ({
      data: {
        userBasicInfo: { nickname: p.nickname, desc: "", images: "", redId: p.userId },
        interactions: [
          { type: "follows", name: "关注", count: p.follows },
          { type: "fans", name: "粉丝", count: p.fans },
          { type: "interaction", name: "获赞与收藏", count: p.interaction },
        ],
        feeds: p.noteIds.map((id) => feedOf(state.notes.get(id)!)),
      },
    });
    if (url.pathname === "/api/v1/user/profile") {
      const p = state.profiles.get(String(body.user_id));
      if (!p || !body.xsec_token) return send(400, { error: "user not found", code: "INVALID_REQUEST", details: null });
      return ok(profileOf(p));
    }
    if (url.pathname === "/api/v1/user/me" && req.method === "GET") {
      if (!state.me) return send(500, { error: "未登录", code: "GET_MY_PROFILE_FAILED", details: null });
      return ok(profileOf(state.me));
    }
    if (url.pathname === "/api/v1/feeds/search") {
      const keyword = String(body.keyword ?? "");
      const feeds = [...state.notes.values()].filter((n) => n.title.includes(keyword) || n.desc.includes(keyword)).map(feedOf);
      return ok({ feeds, count: feeds.length });
    }
    if (url.pathname === "/api/v1/feeds/detail") {
      const n = state.notes.get(String(body.feed_id));
      if (!n) return send(400, { error: "note not found", code: "INVALID_REQUEST", details: null });
      return ok({
        feed_id: n.id,
        data: {
          note: {
            noteId: n.id,
            title: n.title,
            desc: n.desc,
            type: n.type,
            time: n.time,
            imageList: [{}, {}],
            interactInfo: { likedCount: n.likes, collectedCount: n.collects, commentCount: n.comments, sharedCount: n.shares },
          },
          comments: { list: [] },
        },
      });
    }
    send(404, { error: "not found", code: "NOT_FOUND", details: null });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeBridge;
}
