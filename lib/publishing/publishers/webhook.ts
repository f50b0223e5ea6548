/**
 * Webhook publisher: POSTs the note as JSON to a user URL (n8n, Zapier, in-house systems),
 * signed with HMAC-SHA256 (see webhook-signature.ts and docs/publishers.md). A 2xx means
 * published (the receiver may answer `{id, url}`); 4xx rejected; no answer = unknown.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { resilientFetch } from "@/lib/http/resilient-fetch";
import { publisherUrlSchema } from "../publisher-url-schema";
import { signatureHeader, signWebhook, timestampHeader } from "../webhook-signature";
import { accountBreaker } from "./account-breaker";
import { healthFromError } from "./health-from-error";
import { outcomeFromError } from "./outcome-from-error";
import type { Publisher, PublisherRuntime } from "./types";

const configSchema = z
  .object({
    url: publisherUrlSchema.meta({ title: "Webhook URL" }),
    secret: z.string().min(16, "Use at least 16 characters").max(200).meta({ title: "Signing secret" }),
    timeoutMs: z.number().int().min(1000).max(120_000).default(15_000).meta({ title: "Timeout (ms)" }),
  })
  .strict();

type Config = z.infer<typeof configSchema>;

async function send(config: Config, runtime: PublisherRuntime, payload: Record<string, unknown>, idempotent: boolean) {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  return resilientFetch(
    config.url,
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "RedMatrix-Webhook/1",
        [timestampHeader]: String(timestamp),
        [signatureHeader]: signWebhook(config.secret, timestamp, body),
        "x-redmatrix-event": String(payload.event),
        "idempotency-key": String(payload.id),
      },
      body,
    },
    {
      timeoutMs: config.timeoutMs,
      idempotent,
      retries: 1,
      breaker: accountBreaker(runtime),
      sleep: runtime.sleep,
      dispatcher: runtime.dispatcher,
    },
  );
}

export const webhookPublisher: Publisher<typeof configSchema> = {
  id: "webhook",
  displayName: { "zh-CN": "Webhook（签名）", en: "Signed webhook" },
  description: {
    "zh-CN": "把笔记以 JSON POST 到你的地址（n8n、Zapier、自建系统），附 HMAC-SHA256 签名。",
    en: "POSTs the note as JSON to your URL (n8n, Zapier, in-house), signed with HMAC-SHA256.",
  },
  configSchema,
  secretFields: ["secret"],

  async checkHealth(config, runtime) {
    try {
      const res = await send(
        config,
        runtime,
        { event: "ping", id: randomUUID(), accountId: runtime.accountId, sentAt: new Date().toISOString() },
        true,
      );
      return res.ok
        ? { ok: true, code: "ok", loggedIn: null, message: `Receiver answered HTTP ${res.status}` }
        : { ok: false, code: "bad_answer", loggedIn: null, message: `Receiver answered HTTP ${res.status}` };
    } catch (error) {
      return healthFromError(error, "Receiver");
    }
  },

  async publish(note, config, runtime) {
    const id = note.idempotencyKey ?? randomUUID();
    const { idempotencyKey: _omit, ...content } = note;
    try {
      const res = await send(
        config,
        runtime,
        {
          event: "note.publish",
          id,
          workspaceId: runtime.workspaceId,
          accountId: runtime.accountId,
          note: content,
          sentAt: new Date().toISOString(),
        },
        false,
      );
      if (res.ok) {
        const answer = (await res.json().catch(() => ({}))) as { id?: unknown; url?: unknown };
        return {
          status: "published",
          remoteId: typeof answer.id === "string" ? answer.id : id,
          url: typeof answer.url === "string" ? answer.url : null,
        };
      }
      // The status only: the receiver's body is not ours to store or show.
      const reason = `receiver answered HTTP ${res.status}`;
      if (res.status === 503 || res.status === 429) return { status: "retryable", reason };
      if (res.status >= 500) return { status: "unknown", reason: `${reason}; the receiver may have acted on it` };
      return { status: "rejected", reason };
    } catch (error) {
      return outcomeFromError(error);
    }
  },
};
