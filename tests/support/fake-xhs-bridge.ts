/**
 * A stand-in for the xiaohongshu-mcp bridge (see ../shared/docs/RED.md, "The publishing bridge"),
 * written from its source: github.com/xpzouying/xiaohongshu-mcp at commit
 * 6fb866a7db4e3dcce8dc00a0dde07370f3b12946 (2026-08-20). What it copies, and from where:
 * - routes.go, middleware.go: the routes, the optional Bearer token (401 `UNAUTHORIZED`).
 * - handlers_api.go, types.go: envelopes `{success, data, message}` / `{error, code, details}`;
 *   binding errors are 400 `INVALID_REQUEST` "请求参数错误"; a failed publish is 500
 *   `PUBLISH_FAILED` "发布失败" with the real reason (err.Error()) in `details`; a failed status
 *   check is 500 `STATUS_CHECK_FAILED`.
 * - service.go PublishContent: title refused when `CalcTitleLength` > 20 ("标题长度超过限制"),
 *   then images processed, then `schedule_at` parsed (RFC 3339) and kept 1 h .. 14 days ahead.
 * - pkg/xhsutil/title.go: CalcTitleLength counts UTF-16 code units (> 127 counts 2), ceil(/2).
 * - pkg/downloader/{processor,images}.go: `http(s)://` entries are downloaded (30 s timeout,
 *   status 200 and image magic bytes required, no cookie sent): a failure is
 *   "下载图片失败 <url>: <why>". Anything else is taken as a local path as is.
 * - xiaohongshu/publish.go: local paths that do not exist are skipped silently when uploading;
 *   images go up one by one, each followed by a 1 s wait; tags: the first 10, leading `#`s
 *   trimmed, each typed as `#tag` then picked (200 ms + 1 s + 500 ms of waits); success is
 *   confirmed by leaving the publish page within 15 s, else "发布未确认成功…".
 * - humanize/{provider,input}.go: every character is typed with a lognormal delay (mu -2.12,
 *   sigma 0.5, clamped 30..400 ms: mean ~136 ms), and a cancelled request stops the typing.
 * - xiaohongshu/login.go, service.go CheckLoginStatus: each status check opens its own browser
 *   and page (up to 30 s); logged out is `success: true, data.is_logged_in: false`.
 * Inferred, not in the source: logged out, the creator site sends the editor to its login page,
 * so publishing fails at "没有找到发布 TAB - 上传图文" (publish.go mustClickPublishTab).
 *
 * `timeScale` multiplies every delay (1 = the real bridge's pace; tests use e.g. 0.01, which
 * keeps the proportions). Records requests, image downloads, typing progress and how many
 * status checks ran at once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import fs from "node:fs";

export type FakeBridgeMode = "ok" | "publish_failed" | "http_500" | "hang" | "logged_out" | "unconfirmed";
export type ReceivedRequest = { method: string; path: string; authorization: string | null; body: Record<string, unknown> | null };
export type Download = { url: string; status: number | null; cookie: string | null; ok: boolean };
export type Publication = {
  title: string;
  content: string;
  images: number;
  tags: string[];
  visibility: string;
  isOriginal: boolean;
  scheduleAt: string | null;
};

export type FakeBridgeOptions = {
  token?: string;
  mode?: FakeBridgeMode;
  port?: number;
  username?: string;
  /** Multiplies every delay; 1 is the real bridge's pace. Default 1. */
  timeScale?: number;
  /** Real seconds an image takes to upload before the bridge's own 1 s wait (default 1.5 s). */
  imageUploadMs?: number;
  /** How long the status check's browser page takes (default 4 s; the bridge allows 30 s). */
  statusCheckMs?: number;
  /** Seconds before the editor leaves the publish page after the click (default 2 s, max 15). */
  confirmMs?: number;
};

export interface FakeXhsBridge {
  url: string;
  received: ReceivedRequest[];
  downloads: Download[];
  published: Publication[];
  /** Characters typed by the publish in progress (or the last one); stops growing when cancelled. */
  typed: { count: number; cancelled: boolean };
  /** The most status checks (browser sessions) that were open at the same time. */
  maxConcurrentStatusChecks: number;
  setMode(mode: FakeBridgeMode): void;
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};

/** pkg/xhsutil/title.go CalcTitleLength. */
export function calcTitleLength(title: string): number {
  let bytes = 0;
  for (let i = 0; i < title.length; i++) bytes += title.charCodeAt(i) > 127 ? 2 : 1;
  return Math.floor((bytes + 1) / 2);
}

/** humanize Keystroke: lognormal(mu -2.12, sigma 0.5) seconds, clamped to 30..400 ms. */
function keystrokeMs(): number {
  const u = 1 - Math.random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * Math.random());
  return Math.min(400, Math.max(30, Math.exp(-2.12 + 0.5 * normal) * 1000));
}

/** What h2non/filetype.IsImage accepts, for the formats people upload. */
function isImage(bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const riff = starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP";
  return starts(0xff, 0xd8, 0xff) || starts(0x89, 0x50, 0x4e, 0x47) || starts(0x47, 0x49, 0x46) || riff || starts(0x42, 0x4d);
}

class Cancelled extends Error {}

export async function startFakeXhsBridge(options: FakeBridgeOptions = {}): Promise<FakeXhsBridge> {
  let mode: FakeBridgeMode = options.mode ?? "ok";
  const scale = options.timeScale ?? 1;
  const received: ReceivedRequest[] = [];
  const downloads: Download[] = [];
  const published: Publication[] = [];
  const typed = { count: 0, cancelled: false };
  const hanging = new Set<http.ServerResponse>();
  let statusChecks = 0;
  const state = { maxConcurrentStatusChecks: 0 };

  /** Waits `ms` of real bridge time; rejects with Cancelled when the caller went away. */
  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new Cancelled());
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms * scale);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Cancelled());
      };
      signal.addEventListener("abort", onAbort, { once: true });
    });

  /**
   * humanize.Type: one character at a time, stopping when the request is cancelled. Scaled
   * down, per-character timers would cost more than the delays themselves, so the delays are
   * summed and slept in slices of >= 8 ms: the total stays the bridge's, in proportion.
   */
  async function type(text: string, signal: AbortSignal) {
    let owed = 0;
    try {
      for (const _ of text) {
        if (signal.aborted) throw new Cancelled();
        typed.count++;
        owed += keystrokeMs();
        if (owed * scale >= 8) {
          await wait(owed, signal);
          owed = 0;
        }
      }
      if (owed) await wait(owed, signal);
    } catch (error) {
      typed.cancelled = true;
      throw error;
    }
  }

  async function download(url: string): Promise<string> {
    const record: Download = { url, status: null, cookie: null, ok: false };
    downloads.push(record);
    try {
      const res = await fetch(url, {
        signal: AbortSignal.timeout(30_000),
        redirect: "follow",
        headers: { "user-agent": "Mozilla/5.0", referer: `${new URL(url).origin}/` },
      });
      record.status = res.status;
      if (res.status !== 200) throw new Error(`download failed with status ${res.status} for URL: ${url}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (!isImage(bytes)) throw new Error("downloaded file is not a valid image");
      record.ok = true;
      return `/tmp/xiaohongshu_images/img_${downloads.length}.jpg`;
    } catch (error) {
      throw new Error(`下载图片失败 ${url}: ${(error as Error).message}`);
    }
  }

  /** service.go PublishContent + publish.go Publish; returns the error text the bridge would give. */
  async function publish(body: Record<string, unknown>, signal: AbortSignal): Promise<Publication> {
    const title = String(body.title);
    if (calcTitleLength(title) > 20) throw new Error("标题长度超过限制");
    const paths: string[] = [];
    for (const image of body.images as string[]) paths.push(/^https?:\/\//i.test(image) ? await download(image) : image);
    const scheduleAt = typeof body.schedule_at === "string" && body.schedule_at ? body.schedule_at : null;
    if (scheduleAt) {
      const at = Date.parse(scheduleAt);
      if (Number.isNaN(at) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(scheduleAt))
        throw new Error(`定时发布时间格式错误，请使用 ISO8601 格式: parsing time "${scheduleAt}"`);
      if (at < Date.now() + 3600_000) throw new Error(`定时发布时间必须至少在1小时后，当前设置: ${scheduleAt}`);
      if (at > Date.now() + 14 * 86400_000) throw new Error(`定时发布时间不能超过14天，当前设置: ${scheduleAt}`);
    }
    // NewPublishImageAction: navigate, 2 s + 1 s + 1 s of waits and the tab click.
    await wait(4500, signal);
    if (mode === "logged_out") throw new Error("没有找到发布 TAB - 上传图文");
    // uploadImages: missing local files are skipped without a word.
    const uploads = paths.filter((p) => /^\/tmp\/xiaohongshu_images\//.test(p) || fs.existsSync(p));
    for (const _ of uploads) await wait((options.imageUploadMs ?? 1500) + 1000, signal);
    const tags = (Array.isArray(body.tags) ? (body.tags as string[]) : []).slice(0, 10).map((t) => t.replace(/^#+/, ""));
    typed.count = 0;
    typed.cancelled = false;
    await type(title, signal);
    await wait(1200, signal); // AfterType x2
    await type(String(body.content), signal);
    await wait(1000, signal); // waitAndClickTitleInput
    if (tags.length) await wait(2000, signal);
    for (const tag of tags) {
      await type(`#${tag}`, signal);
      await wait(1700, signal);
    }
    if (mode === "publish_failed") throw new Error("小红书发布失败: 等待发布按钮可点击超时: 新版发布按钮不可点击");
    if (uploads.length === 0) throw new Error("小红书发布失败: 等待发布按钮可点击超时: 旧版发布按钮 disabled");
    if (mode === "unconfirmed") {
      await wait(15_000, signal);
      throw new Error("小红书发布失败: 发布未确认成功：点击发布后未跳转离开发布页（可能校验未过或被拦截）");
    }
    await wait(Math.min(options.confirmMs ?? 2000, 15_000), signal);
    return {
      title,
      content: String(body.content),
      images: paths.length,
      tags,
      visibility: String(body.visibility ?? "公开可见"),
      isOriginal: body.is_original === true,
      scheduleAt,
    };
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = (req.url ?? "/").split("?")[0];
    let body: Record<string, unknown> | null = null;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      received.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization ?? null, body: null });
      return json(res, 400, { error: "请求参数错误", code: "INVALID_REQUEST", details: "invalid character in JSON" });
    }
    received.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization ?? null, body });
    // Cancelled when the caller closes the connection before the answer (gin's request context).
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });

    if (path === "/health")
      return json(res, 200, {
        success: true,
        data: {
          status: "healthy",
          service: "xiaohongshu-mcp",
          version: "fake",
          account: "github.com/xpzouying/xiaohongshu-mcp",
          timestamp: "now",
        },
        message: "服务正常",
      });
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`)
      return json(res, 401, { error: "未授权", code: "UNAUTHORIZED" });
    if (mode === "hang") {
      hanging.add(res); // Never answers; released on close.
      return;
    }
    if (mode === "http_500") {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("Internal Server Error");
    }
    if (req.method === "GET" && path === "/api/v1/login/status") {
      statusChecks++;
      state.maxConcurrentStatusChecks = Math.max(state.maxConcurrentStatusChecks, statusChecks);
      try {
        await wait(options.statusCheckMs ?? 4000, controller.signal);
      } catch {
        return;
      } finally {
        statusChecks--;
      }
      const loggedIn = mode !== "logged_out";
      return json(res, 200, {
        success: true,
        data: {
          is_logged_in: loggedIn,
          ...(loggedIn ? { username: options.username ?? "小红薯测试号", user_id: "5f0000000000000000000001" } : {}),
        },
        message: "检查登录状态成功",
      });
    }
    if (req.method === "POST" && path === "/api/v1/publish") {
      // gin binding: title, content required; images required with at least one entry.
      if (
        !body ||
        typeof body.title !== "string" ||
        !body.title ||
        typeof body.content !== "string" ||
        !body.content ||
        !Array.isArray(body.images) ||
        body.images.length === 0
      ) {
        return json(res, 400, {
          error: "请求参数错误",
          code: "INVALID_REQUEST",
          details: "Key: 'PublishRequest.Images' Error:Field validation for 'Images' failed on the 'min' tag",
        });
      }
      try {
        const publication = await publish(body, controller.signal);
        published.push(publication);
        return json(res, 200, {
          success: true,
          data: { title: publication.title, content: publication.content, images: publication.images, status: "发布完成" },
          message: "发布成功",
        });
      } catch (error) {
        if (error instanceof Cancelled) return json(res, 500, { error: "发布失败", code: "PUBLISH_FAILED", details: "context canceled" });
        return json(res, 500, { error: "发布失败", code: "PUBLISH_FAILED", details: (error as Error).message });
      }
    }
    if (req.method === "POST" && path === "/api/v1/publish_video") {
      if (!body?.title || !body.content || !body.video)
        return json(res, 400, {
          error: "请求参数错误",
          code: "INVALID_REQUEST",
          details: "Key: 'PublishVideoRequest.Video' Error:Field validation for 'Video' failed on the 'required' tag",
        });
      if (calcTitleLength(String(body.title)) > 20)
        return json(res, 500, { error: "视频发布失败", code: "PUBLISH_VIDEO_FAILED", details: "标题长度超过限制" });
      if (!fs.existsSync(String(body.video)))
        return json(res, 500, {
          error: "视频发布失败",
          code: "PUBLISH_VIDEO_FAILED",
          details: `视频文件不存在或不可访问: stat ${body.video}: no such file or directory`,
        });
      return json(res, 200, {
        success: true,
        data: { title: body.title, content: body.content, video: body.video, status: "发布完成" },
        message: "视频发布成功",
      });
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("404 page not found");
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    downloads,
    published,
    typed,
    get maxConcurrentStatusChecks() {
      return state.maxConcurrentStatusChecks;
    },
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
