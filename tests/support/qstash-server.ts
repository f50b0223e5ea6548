/**
 * A local stand-in for the parts of the QStash HTTP API the scheduler driver uses, driven by
 * `@upstash/qstash`'s own Client: publish (notBefore, delay, deduplication id, retries, failure
 * callback), message cancel, and cron schedules (create with `CRON_TZ=<zone>` and a chosen
 * `Upstash-Schedule-Id`, which replaces a schedule of that id, as QStash does; delete). It
 * delivers to the destination at the right time with a real QStash signature, and retries
 * non-2xx answers like QStash does. `fire(id)` makes a schedule deliver now (tests cannot wait for a cron minute).
 * `GET /v2/queues` ("List queues" in QStash's REST API, `client.queue().list()` in the SDK,
 * answered with a JSON array of queues) is readiness's probe: no queues here, so `[]`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import { signQstashRequest } from "@/lib/scheduling/qstash-signature";

type Message = { id: string; destination: string; body: string; notBefore: number; retries: number; failureCallback?: string; canceled: boolean; timer?: NodeJS.Timeout };
export type DeliveryLog = { messageId: string; destination: string; status: number; attempt: number };

export async function startQstashServer(options: { token: string; signingKey: string; retryDelayMs?: number }) {
  const messages = new Map<string, Message>();
  const dedup = new Map<string, string>();
  const schedules = new Map<string, { cron: Cron; expression: string; timezone?: string; destination: string; body: string; retries: number }>();
  const deliveries: DeliveryLog[] = [];

  async function deliver(message: Message, attempt = 1): Promise<void> {
    if (message.canceled) return;
    const signature = signQstashRequest({ url: message.destination, body: message.body, key: options.signingKey });
    const status = await fetch(message.destination, {
      method: "POST",
      headers: { "content-type": "application/json", "upstash-signature": signature, "upstash-message-id": message.id, "upstash-retried": String(attempt - 1) },
      body: message.body,
    }).then((r) => r.status, () => 0);
    deliveries.push({ messageId: message.id, destination: message.destination, status, attempt });
    if (status >= 200 && status < 300) return;
    if (attempt <= message.retries) {
      message.timer = setTimeout(() => void deliver(message, attempt + 1), (options.retryDelayMs ?? 50) * attempt);
    } else if (message.failureCallback) {
      const body = JSON.stringify({ status, sourceMessageId: message.id, url: message.destination, sourceBody: Buffer.from(message.body).toString("base64") });
      await fetch(message.failureCallback, { method: "POST", headers: { "content-type": "application/json", "upstash-signature": signQstashRequest({ url: message.failureCallback, body, key: options.signingKey }) }, body }).catch(() => undefined);
    }
  }

  function fire(scheduleId: string): Promise<void> {
    const s = schedules.get(scheduleId);
    if (!s) throw new Error(`no schedule ${scheduleId}`);
    return deliver({ id: `msg_${randomUUID()}`, destination: s.destination, body: s.body, notBefore: Date.now(), retries: s.retries, canceled: false });
  }

  function schedule(message: Message) {
    message.timer = setTimeout(() => void deliver(message), Math.max(0, message.notBefore - Date.now()));
  }

  const server = http.createServer(async (req, res) => {
    const answer = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${options.token}`) return answer(401, { error: "Unauthorized" });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const destination = (prefix: string) => path.slice(prefix.length).replace(/^(https?):\/(?!\/)/, "$1://");
    const header = (name: string) => req.headers[name.toLowerCase()] as string | undefined;

    if (req.method === "POST" && path.startsWith("/v2/publish/")) {
      const dedupId = header("Upstash-Deduplication-Id");
      if (dedupId && dedup.has(dedupId)) return answer(201, { messageId: dedup.get(dedupId), deduplicated: true });
      const delay = /^(\d+)s$/.exec(header("Upstash-Delay") ?? "")?.[1];
      const notBefore = header("Upstash-Not-Before") ? Number(header("Upstash-Not-Before")) * 1000 : Date.now() + Number(delay ?? 0) * 1000;
      const message: Message = { id: `msg_${randomUUID()}`, destination: destination("/v2/publish/"), body, notBefore, retries: Number(header("Upstash-Retries") ?? 3), failureCallback: header("Upstash-Failure-Callback"), canceled: false };
      messages.set(message.id, message);
      if (dedupId) dedup.set(dedupId, message.id);
      schedule(message);
      return answer(201, { messageId: message.id });
    }
    if (req.method === "DELETE" && path.startsWith("/v2/messages/")) {
      const message = messages.get(path.slice("/v2/messages/".length));
      if (!message) return answer(404, { error: "message not found" });
      message.canceled = true;
      clearTimeout(message.timer);
      return answer(200, { cancelled: 1 });
    }
    if (req.method === "POST" && path.startsWith("/v2/schedules/")) {
      const scheduleId = header("Upstash-Schedule-Id") ?? `scd_${randomUUID()}`;
      const target = destination("/v2/schedules/");
      const [, timezone, expression] = /^(?:CRON_TZ=(\S+)\s+)?(.*)$/.exec(header("Upstash-Cron") ?? "")!;
      const retries = Number(header("Upstash-Retries") ?? 3);
      let cron: Cron;
      try {
        cron = new Cron(expression, { timezone }, () => void fire(scheduleId));
      } catch (error) {
        return answer(400, { error: `invalid cron: ${(error as Error).message}` });
      }
      schedules.get(scheduleId)?.cron.stop();
      schedules.set(scheduleId, { cron, expression, timezone, destination: target, body, retries });
      return answer(201, { scheduleId });
    }
    if (req.method === "GET" && path === "/v2/queues") return answer(200, []);
    if (req.method === "DELETE" && path.startsWith("/v2/schedules/")) {
      const id = path.slice("/v2/schedules/".length);
      schedules.get(id)?.cron.stop();
      return schedules.delete(id) ? answer(200, {}) : answer(404, { error: "schedule not found" });
    }
    answer(404, { error: `not implemented: ${req.method} ${path}` });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    deliveries,
    messages,
    schedules,
    fire,
    async close() {
      for (const m of messages.values()) clearTimeout(m.timer);
      for (const s of schedules.values()) s.cron.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
