/**
 * xiaohongshu-mcp bridge publisher (../shared/docs/RED.md; source read at commit 6fb866a7):
 * one bridge process per account at its own base URL, optional Bearer token. Envelope:
 * `{success, data, message}` or `{error, code, details}`, where `details` is the real reason.
 * Before sending, the note is checked with the bridge's own rules (bridge-preflight.ts); the
 * timeout follows what the bridge really does (bridge-timing.ts); a refusal keeps the bridge's
 * words and is classified (bridge-failures.ts). Publishing is never retried here: a timeout
 * after sending is `unknown` (the editor may have accepted the note). No note id comes back.
 */
import { z } from "zod";
import { OutboundError, resilientFetch } from "@/lib/http/resilient-fetch";
import { publisherUrlSchema } from "../publisher-url-schema";
import { accountBreaker } from "./account-breaker";
import { classifyBridgeFailure } from "./bridge-failures";
import { bridgePreflight, bridgeTags } from "./bridge-preflight";
import { bridgeTimingFields, expectedPublishMs, publishTimeoutMs } from "./bridge-timing";
import { bridgeHeaders, bridgeUrl, envelopeOf } from "./bridge-http";
import { checkBridgeLogin } from "./bridge-login-check";
import { outcomeFromError } from "./outcome-from-error";
import type { Publisher, PublishNote, PublishOutcome } from "./types";

const configSchema = z
  .object({
    baseUrl: publisherUrlSchema.meta({ title: "Bridge URL", description: "e.g. http://127.0.0.1:18060 (one bridge per account)" }),
    token: z
      .string()
      .trim()
      .max(500)
      .optional()
      .meta({ title: "Bearer token", description: "Only if the bridge was started with a token" }),
    visibility: z.enum(["公开可见", "仅自己可见", "仅互关好友可见"]).default("公开可见").meta({ title: "Visibility" }),
    statusTimeoutMs: z
      .number()
      .int()
      .min(1000)
      .max(120_000)
      .default(45_000)
      .meta({ title: "Login check timeout (ms)", description: "The bridge opens a browser page to check: up to 30 s" }),
    ...bridgeTimingFields,
  })
  .strict();

export type BridgeConfig = z.infer<typeof configSchema>;

const oneLine = (text: string, max: number) =>
  text
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim()
    .slice(0, max);

function bodyOf(note: PublishNote, config: BridgeConfig): Record<string, unknown> {
  const tags = bridgeTags(note.tags);
  const common = {
    title: note.title,
    content: note.content,
    tags: tags.length ? tags : undefined,
    schedule_at: note.scheduleAt,
    visibility: note.visibility ?? config.visibility,
  };
  return note.kind === "video" ? { ...common, video: note.video } : { ...common, images: note.images ?? [], is_original: note.isOriginal };
}

export async function mapPublishResponse(res: Response): Promise<PublishOutcome> {
  const env = await envelopeOf(res);
  if (res.ok && env?.success) {
    const data = env.data ?? {};
    const remoteId = (data.note_id ?? data.feed_id ?? data.id ?? null) as string | null;
    return { status: "published", remoteId, url: remoteId ? `https://www.xiaohongshu.com/explore/${remoteId}` : null };
  }
  if (env?.error) {
    // The bridge's `error` is the same for every cause ("发布失败"); `details` says which.
    const details = typeof env.details === "string" ? env.details : env.details == null ? "" : JSON.stringify(env.details);
    const failure = classifyBridgeFailure(res.status, env.code, details);
    const reason = oneLine(details ? `${details} (${env.code ?? "ERROR"})` : `${env.code ?? "ERROR"}: ${env.error}`, 500);
    return failure.status === "unknown"
      ? { status: "unknown", code: failure.code, reason: `${reason}; the note may have been published` }
      : { status: failure.status, code: failure.code, reason };
  }
  if (res.status === 401 || res.status === 403)
    return { status: "rejected", code: "BRIDGE_TOKEN_REFUSED", reason: `the bridge refused the token (HTTP ${res.status})` };
  if (res.status === 503 || res.status === 429) return { status: "retryable", code: "BRIDGE_UNREACHABLE", reason: `HTTP ${res.status}` };
  return {
    status: "unknown",
    code: "OUTCOME_UNKNOWN",
    reason: `HTTP ${res.status} without the bridge's envelope; the note may have been published`,
  };
}

function withCode(outcome: PublishOutcome, error: unknown): PublishOutcome {
  if (outcome.status === "published" || outcome.code) return outcome;
  if (error instanceof OutboundError && error.kind === "timeout") return { ...outcome, code: "BRIDGE_TIMEOUT" };
  if (outcome.status === "retryable") return { ...outcome, code: "BRIDGE_UNREACHABLE" };
  return outcome;
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

  checkHealth: (config, runtime) => checkBridgeLogin(config, runtime),

  timing(note, config) {
    return { expectedMs: expectedPublishMs(note, config), timeoutMs: publishTimeoutMs(note, config) };
  },

  async publish(note, config, runtime) {
    const problem = bridgePreflight(note);
    if (problem) return { status: "rejected", code: problem.code, reason: problem.reason };
    const path = note.kind === "video" ? "/api/v1/publish_video" : "/api/v1/publish";
    try {
      const res = await resilientFetch(
        bridgeUrl(config, path),
        { method: "POST", headers: bridgeHeaders(config), body: JSON.stringify(bodyOf(note, config)) },
        {
          timeoutMs: publishTimeoutMs(note, config),
          idempotent: false,
          breaker: accountBreaker(runtime),
          dispatcher: runtime.dispatcher,
        },
      );
      return await mapPublishResponse(res);
    } catch (error) {
      return withCode(outcomeFromError(error), error);
    }
  },
};
