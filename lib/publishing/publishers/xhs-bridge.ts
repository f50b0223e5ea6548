/**
 * xiaohongshu-mcp bridge publisher (docs: ../shared RED.md): one bridge process per account at
 * its own base URL, optional Bearer token. Envelope: `{success, data, message}` or
 * `{error, code, details}`. Publishing is never retried here: a timeout after sending is
 * `unknown` (the editor may have accepted the note). The bridge returns no note id.
 */
import { z } from "zod";
import { resilientFetch } from "@/lib/http/resilient-fetch";
import { publisherUrlSchema } from "../publisher-url-schema";
import { accountBreaker } from "./account-breaker";
import { healthFromError } from "./health-from-error";
import { outcomeFromError } from "./outcome-from-error";
import type { HealthResult, Publisher, PublishNote, PublishOutcome } from "./types";

const configSchema = z
  .object({
    baseUrl: publisherUrlSchema.meta({ title: "Bridge URL", description: "e.g. http://127.0.0.1:18060 (one bridge per account)" }),
    token: z.string().trim().max(500).optional().meta({ title: "Bearer token", description: "Only if the bridge was started with a token" }),
    timeoutMs: z.number().int().min(1000).max(300_000).default(90_000).meta({ title: "Publish timeout (ms)" }),
    visibility: z.enum(["公开可见", "仅自己可见", "仅互关好友可见"]).default("公开可见").meta({ title: "Visibility" }),
  })
  .strict();

type Config = z.infer<typeof configSchema>;
type Envelope = { success?: boolean; data?: Record<string, unknown>; message?: string; error?: string; code?: string };

function headers(config: Config): Record<string, string> {
  return { "content-type": "application/json", ...(config.token ? { authorization: `Bearer ${config.token}` } : {}) };
}

async function envelopeOf(res: Response): Promise<Envelope | null> {
  try {
    return (await res.json()) as Envelope;
  } catch {
    return null;
  }
}

/** The logged-in nickname, as a short single line (it is shown as "Logged in as …"). */
const cleanName = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 40);

const url = (config: Config, path: string) => `${config.baseUrl.replace(/\/+$/, "")}${path}`;

function bodyOf(note: PublishNote, config: Config): Record<string, unknown> {
  const common = { title: note.title, content: note.content, tags: note.tags?.length ? note.tags : undefined, schedule_at: note.scheduleAt, visibility: note.visibility ?? config.visibility };
  return note.kind === "video" ? { ...common, video: note.video } : { ...common, images: note.images ?? [], is_original: note.isOriginal };
}

export async function mapPublishResponse(res: Response): Promise<PublishOutcome> {
  const env = await envelopeOf(res);
  if (res.ok && env?.success) {
    const data = env.data ?? {};
    const remoteId = (data.note_id ?? data.feed_id ?? data.id ?? null) as string | null;
    return { status: "published", remoteId, url: remoteId ? `https://www.xiaohongshu.com/explore/${remoteId}` : null };
  }
  // The bridge's refusal envelope says why RED refused the note: kept, but short and on one line.
  const reason = env?.error ? `${env.code ?? "ERROR"}: ${env.error}`.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 200) : `HTTP ${res.status}`;
  if (res.status === 401 || res.status === 403) return { status: "rejected", reason: `the bridge refused the token (${reason})` };
  // An error envelope means the bridge handled the request and knows it did not publish.
  if (env?.error) return { status: "rejected", reason };
  if (res.status === 503 || res.status === 429) return { status: "retryable", reason };
  return { status: "unknown", reason: `${reason} without the bridge's envelope; the note may have been published` };
}

export const xhsBridgePublisher: Publisher<typeof configSchema> = {
  id: "xhs-bridge",
  displayName: { "zh-CN": "小红书 MCP 桥接", en: "xiaohongshu-mcp bridge" },
  description: {
    "zh-CN": "通过每个账号独立运行的 xiaohongshu-mcp 进程发布（需已扫码登录）。",
    en: "Publishes through the account's own xiaohongshu-mcp process (logged in by QR code).",
  },
  configSchema,
  secretFields: ["token"],

  async checkHealth(config, runtime): Promise<HealthResult> {
    try {
      const res = await resilientFetch(url(config, "/api/v1/login/status"), { headers: headers(config) }, {
        timeoutMs: 10_000, idempotent: true, retries: 1, breaker: accountBreaker(runtime), sleep: runtime.sleep, dispatcher: runtime.dispatcher,
      });
      const env = await envelopeOf(res);
      if (res.status === 401 || res.status === 403) return { ok: false, code: "token_refused", loggedIn: null, message: "The bridge refused the token" };
      // Not the bridge's words: whatever answered may not be a bridge at all.
      if (!res.ok) return { ok: false, code: "bad_answer", loggedIn: null, message: `Bridge answered HTTP ${res.status}` };
      if (!env?.success) return { ok: false, code: "bad_answer", loggedIn: null, message: "Bridge answered without a success envelope" };
      const loggedIn = env.data?.is_logged_in === true;
      const who = loggedIn && typeof env.data?.username === "string" ? ` as ${cleanName(env.data.username)}` : "";
      return loggedIn
        ? { ok: true, code: "logged_in", loggedIn: true, message: `Logged in${who}` }
        : { ok: false, code: "logged_out", loggedIn: false, message: "The bridge is running but the account is logged out: scan the QR code again" };
    } catch (error) {
      return healthFromError(error, "Bridge");
    }
  },

  async publish(note, config, runtime) {
    const path = note.kind === "video" ? "/api/v1/publish_video" : "/api/v1/publish";
    try {
      const res = await resilientFetch(url(config, path), { method: "POST", headers: headers(config), body: JSON.stringify(bodyOf(note, config)) }, {
        timeoutMs: config.timeoutMs, idempotent: false, breaker: accountBreaker(runtime), dispatcher: runtime.dispatcher,
      });
      return await mapPublishResponse(res);
    } catch (error) {
      return outcomeFromError(error);
    }
  },
};
