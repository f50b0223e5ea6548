/**
 * A fake xiaohongshu-mcp bridge (the HTTP API documented in ../shared/docs/RED.md) for tests
 * and e2e. It follows the envelope (`{success, data, message}` / `{error, code, details}`) and
 * can be told to: succeed, fail with PUBLISH_FAILED, answer a bare 500, hang past any timeout,
 * or report logged-out. Optional Bearer token. Records every request it received.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeBridgeMode = "ok" | "publish_failed" | "http_500" | "hang" | "logged_out";
export type ReceivedRequest = { method: string; path: string; authorization: string | null; body: Record<string, unknown> | null };

export interface FakeXhsBridge {
  url: string;
  received: ReceivedRequest[];
  setMode(mode: FakeBridgeMode): void;
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};

export async function startFakeXhsBridge(options: { token?: string; mode?: FakeBridgeMode; port?: number; username?: string } = {}): Promise<FakeXhsBridge> {
  let mode: FakeBridgeMode = options.mode ?? "ok";
  const received: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: Record<string, unknown> | null = null;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      return json(res, 400, { error: "请求参数错误", code: "INVALID_REQUEST", details: "body is not JSON" });
    }
    const path = (req.url ?? "/").split("?")[0];
    received.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization ?? null, body });

    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return json(res, 401, { error: "unauthorized", code: "UNAUTHORIZED" });
    if (mode === "hang") {
      hanging.add(res); // Never answers; released on close.
      return;
    }
    if (mode === "http_500") {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("Internal Server Error");
    }
    if (path === "/health") return json(res, 200, { success: true, data: { status: "healthy", service: "xiaohongshu-mcp", version: "fake", account: options.username ?? "fake", timestamp: new Date().toISOString() }, message: "ok" });
    if (path === "/api/v1/login/status") {
      const loggedIn = mode !== "logged_out";
      return json(res, 200, { success: true, data: { is_logged_in: loggedIn, ...(loggedIn ? { username: options.username ?? "小红薯测试号" } : {}) }, message: loggedIn ? "已登录" : "未登录" });
    }
    if (req.method === "POST" && (path === "/api/v1/publish" || path === "/api/v1/publish_video")) {
      const isVideo = path.endsWith("_video");
      if (!body?.title || !body.content || (isVideo ? !body.video : !Array.isArray(body.images) || body.images.length === 0)) {
        return json(res, 400, { error: "请求参数错误", code: "INVALID_REQUEST", details: "title, content and images/video are required" });
      }
      if (mode === "logged_out") return json(res, 500, { error: "发布失败: 未登录", code: "PUBLISH_FAILED", details: "not logged in" });
      if (mode === "publish_failed") return json(res, 500, { error: "发布失败", code: "PUBLISH_FAILED", details: "editor rejected the note" });
      const data = isVideo
        ? { title: body.title, content: body.content, video: body.video, status: "发布完成" }
        : { title: body.title, content: body.content, images: (body.images as unknown[]).length, status: "发布完成" };
      return json(res, 200, { success: true, data, message: "发布成功" });
    }
    return json(res, 404, { error: "not found", code: "NOT_FOUND" });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    setMode(next) {
      mode = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
