/**
 * A local QStash, written from QStash's own sources rather than from what the app expects, so
 * tests catch the app's mistakes about it. Driven by `@upstash/qstash` 2.12's Client
 * (`new Client({ baseUrl, token, retry: false })`). What it does, and where that comes from:
 *
 * - Publish, `POST /v2/publish/<destination>` (docs: qstash/howto/publishing, SDK chunk
 *   `processHeaders`): `Upstash-Not-Before` (unix s), `Upstash-Delay` (`10s`, `2m`, `1h`, `1d`),
 *   `Upstash-Retries`, `Upstash-Failure-Callback`, `Upstash-Method`, `Upstash-Forward-*`.
 *   A destination without http(s):// is refused (400). Answers 201 `{ messageId }`.
 * - Deduplication (docs: qstash/features/deduplication; SDK d.ts `deduplicationId`: "We store
 *   deduplication ids for 90 days"): a publish whose `Upstash-Deduplication-Id` (or, with
 *   `Upstash-Content-Based-Deduplication: true`, whose destination + body + content type) was
 *   seen before is accepted but NOT enqueued: 202 `{ messageId: <the first one>, deduplicated: true }`.
 *   This stand-in never forgets an id (its life is far shorter than 90 days).
 * - Delivery (docs: qstash/howto/receiving, qstash/features/retry): at notBefore, the method and
 *   body as published, headers `Upstash-Signature`, `Upstash-Message-Id`, `Upstash-Retried`
 *   (0 first), `Upstash-Schedule-Id` (from a schedule), `User-Agent: Upstash-QStash`. Only
 *   200-299 is success; anything else (a redirect included: it is not followed) or no answer is
 *   retried `retries` times after `min(86400, e^(2.5 n))` s (n = retries so far; scaled by
 *   `timeScale` here), then the failure callback is called (docs: qstash/features/callbacks:
 *   status, sourceMessageId, url, sourceBody base64, retried, maxRetries ...) and the message
 *   goes to the DLQ. Any 2xx ends the message: QStash never delivers it again.
 * - Signature (docs: qstash/howto/signature; SDK `Receiver.verify`/`verifyBodyAndUrl`): an HS256
 *   JWT signed with `jose` (the SDK's own dependency), iss "Upstash", sub = destination URL,
 *   body = base64url(sha256(body)), iat, nbf, exp, jti. Not the app's signer.
 * - Messages: `GET`/`DELETE /v2/messages/<id>` (SDK `Messages.get`/`cancel`): 404 once delivered.
 * - Schedules (SDK `Schedules`): `POST /v2/schedules/<destination>` with `Upstash-Cron` (optional
 *   `CRON_TZ=<zone> `) and `Upstash-Schedule-Id` (same id replaces), `GET /v2/schedules`,
 *   `GET`/`DELETE /v2/schedules/<id>`. `fire(id)` delivers a schedule now (tests cannot wait a minute).
 * - `GET /v2/queues` ("List queues", `client.queue().list()`): `[]`. `GET /v2/dlq`.
 * - Errors (SDK chunk `HttpClient.getResponseError`; docs: qstash/api/api-ratelimiting): a bad
 *   token is 401; a 429 on publish carries the daily quota headers `RateLimit-Limit/-Remaining/
 *   -Reset` (SDK: QstashDailyRatelimitError), elsewhere `Burst-RateLimit-*` (QstashRatelimitError).
 *
 * Faults for tests: `failNext(n, status | "down", { match, after })` answers n matching API calls
 * (after letting `after` through) with that status or drops the connection; `setDown(true)`
 * drops every API call; `loseDeliveries(true)` accepts messages (201) and never delivers them.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomUUID } from "node:crypto";
import { Cron } from "croner";
import { SignJWT } from "jose";

type Message = {
  id: string;
  destination: string;
  method: string;
  body: string;
  contentType: string;
  forward: Record<string, string>;
  notBefore: number;
  retries: number;
  failureCallback?: string;
  scheduleId?: string;
  state: "CREATED" | "RETRY" | "DELIVERED" | "FAILED" | "CANCELLED";
  retried: number;
  timer?: NodeJS.Timeout;
  createdAt: number;
};
type Schedule = {
  scheduleId: string;
  cron: Cron;
  expression: string;
  timezone?: string;
  destination: string;
  body: string;
  retries: number;
  method: string;
  createdAt: number;
};
export type DeliveryLog = { messageId: string; destination: string; status: number; attempt: number; scheduleId?: string };
export type PublishLog = { destination: string; deduplicationId?: string; status: number; messageId?: string };
type Fault = { skip: number; remaining: number; answer: number | "down"; match: RegExp };

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export async function startQstashServer(options: { token: string; signingKey: string; timeScale?: number }) {
  const timeScale = options.timeScale ?? 0.01; // 12 s -> 120 ms, 2 min 28 s -> 1.5 s
  const messages = new Map<string, Message>();
  const dedup = new Map<string, string>();
  const schedules = new Map<string, Schedule>();
  const deliveries: DeliveryLog[] = [];
  const published: PublishLog[] = [];
  const dlq: { dlqId: string; messageId: string; url: string; responseStatus: number }[] = [];
  const faults: Fault[] = [];
  let down = false;
  let losing = false;

  async function sign(url: string, body: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ body: createHash("sha256").update(body).digest("base64url") })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("Upstash")
      .setSubject(url)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 300)
      .setJti(`jwt_${randomUUID()}`)
      .sign(new TextEncoder().encode(options.signingKey));
  }

  async function attempt(message: Message): Promise<void> {
    if (message.state === "CANCELLED" || message.state === "DELIVERED") return;
    const headers: Record<string, string> = {
      ...message.forward,
      "content-type": message.contentType,
      "user-agent": "Upstash-QStash",
      "upstash-signature": await sign(message.destination, message.body),
      "upstash-message-id": message.id,
      "upstash-retried": String(message.retried),
      ...(message.scheduleId ? { "upstash-schedule-id": message.scheduleId } : {}),
    };
    const status = await fetch(message.destination, {
      method: message.method,
      headers,
      body: message.method === "GET" ? undefined : message.body,
      redirect: "manual",
    }).then(
      (r) => r.status,
      () => 0,
    );
    deliveries.push({
      messageId: message.id,
      destination: message.destination,
      status,
      attempt: message.retried + 1,
      scheduleId: message.scheduleId,
    });
    if (status >= 200 && status < 300) {
      message.state = "DELIVERED";
      return;
    }
    if (message.retried < message.retries) {
      message.retried += 1;
      message.state = "RETRY";
      const delayS = Math.min(86_400, Math.exp(2.5 * message.retried));
      message.timer = setTimeout(() => void attempt(message), delayS * 1000 * timeScale);
      return;
    }
    message.state = "FAILED";
    dlq.push({ dlqId: `dlq_${randomUUID()}`, messageId: message.id, url: message.destination, responseStatus: status });
    if (!message.failureCallback) return;
    const body = JSON.stringify({
      status,
      retried: message.retried,
      maxRetries: message.retries,
      sourceMessageId: message.id,
      url: message.destination,
      method: message.method,
      sourceBody: Buffer.from(message.body).toString("base64"),
      notBefore: message.notBefore,
      createdAt: message.createdAt,
      ...(message.scheduleId ? { scheduleId: message.scheduleId } : {}),
    });
    await fetch(message.failureCallback, {
      method: "POST",
      headers: { "content-type": "application/json", "upstash-signature": await sign(message.failureCallback, body) },
      body,
      redirect: "manual",
    }).catch(() => undefined);
  }

  function enqueue(message: Message) {
    messages.set(message.id, message);
    const wait = Math.max(0, message.notBefore - Date.now());
    // Beyond setTimeout's range (24.8 days) no test waits anyway.
    if (!losing && wait < 2 ** 31 - 1) message.timer = setTimeout(() => void attempt(message), wait);
  }

  function fire(scheduleId: string): Promise<void> {
    const s = schedules.get(scheduleId);
    if (!s) throw new Error(`no schedule ${scheduleId}`);
    const message: Message = {
      id: `msg_${randomUUID()}`,
      destination: s.destination,
      method: s.method,
      body: s.body,
      contentType: "application/json",
      forward: {},
      notBefore: Date.now(),
      retries: s.retries,
      scheduleId,
      state: "CREATED",
      retried: 0,
      createdAt: Date.now(),
    };
    messages.set(message.id, message);
    return attempt(message);
  }

  function scheduleView(s: Schedule) {
    return {
      scheduleId: s.scheduleId,
      cron: s.timezone ? `CRON_TZ=${s.timezone} ${s.expression}` : s.expression,
      createdAt: s.createdAt,
      destination: s.destination,
      method: s.method,
      header: {},
      body: s.body,
      retries: s.retries,
      isPaused: false,
    };
  }

  const server = http.createServer(async (req, res) => {
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers })
        .end(body === undefined ? undefined : JSON.stringify(body));
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const route = `${req.method} ${path}`;
    let fault = faults.find((f) => f.remaining > 0 && f.match.test(route));
    if (fault && fault.skip > 0) {
      fault.skip -= 1;
      fault = undefined;
    }
    if (down || fault?.answer === "down") {
      if (fault) fault.remaining -= 1;
      return req.socket.destroy();
    }
    if (fault) {
      fault.remaining -= 1;
      if (fault.answer !== 429) return answer(fault.answer, { error: `injected ${fault.answer}` });
      const reset = String(Math.floor(Date.now() / 1000) + 60);
      const quota: Record<string, string> = path.startsWith("/v2/publish/")
        ? { "RateLimit-Limit": "1000", "RateLimit-Remaining": "0", "RateLimit-Reset": reset }
        : { "Burst-RateLimit-Limit": "100", "Burst-RateLimit-Remaining": "0", "Burst-RateLimit-Reset": reset };
      return answer(429, { error: "rate limit exceeded" }, quota);
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) return answer(401, { error: "Unauthorized" });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const header = (name: string) => req.headers[name.toLowerCase()] as string | undefined;
    const destination = (prefix: string) => path.slice(prefix.length);

    if (req.method === "POST" && path.startsWith("/v2/publish/")) {
      const target = destination("/v2/publish/");
      if (!/^https?:\/\/[^/]/.test(target)) return answer(400, { error: `invalid destination url: ${target}` });
      const contentType = header("content-type") ?? "text/plain";
      const dedupId =
        header("Upstash-Deduplication-Id") ??
        (header("Upstash-Content-Based-Deduplication") === "true"
          ? createHash("sha256").update(`${target}\n${contentType}\n${body}`).digest("hex")
          : undefined);
      if (dedupId && dedup.has(dedupId)) {
        published.push({ destination: target, deduplicationId: dedupId, status: 202, messageId: dedup.get(dedupId) });
        return answer(202, { messageId: dedup.get(dedupId), deduplicated: true });
      }
      const delay = /^(\d+)([smhd])$/.exec(header("Upstash-Delay") ?? "");
      const notBefore = header("Upstash-Not-Before")
        ? Number(header("Upstash-Not-Before")) * 1000
        : Date.now() + (delay ? Number(delay[1]) * units[delay[2]] * 1000 : 0);
      const forward = Object.fromEntries(
        Object.entries(req.headers)
          .filter(([k]) => k.startsWith("upstash-forward-"))
          .map(([k, v]) => [k.slice("upstash-forward-".length), String(v)]),
      );
      const message: Message = {
        id: `msg_${randomUUID()}`,
        destination: target,
        method: header("Upstash-Method") ?? "POST",
        body,
        contentType,
        forward,
        notBefore,
        retries: Number(header("Upstash-Retries") ?? 3),
        failureCallback: header("Upstash-Failure-Callback"),
        state: "CREATED",
        retried: 0,
        createdAt: Date.now(),
      };
      if (dedupId) dedup.set(dedupId, message.id);
      enqueue(message);
      published.push({ destination: target, deduplicationId: dedupId, status: 201, messageId: message.id });
      return answer(201, { messageId: message.id });
    }
    if (path.startsWith("/v2/messages/")) {
      const message = messages.get(path.slice("/v2/messages/".length));
      const live = message && (message.state === "CREATED" || message.state === "RETRY");
      if (!message || (req.method === "DELETE" && !live)) return answer(404, { error: "message not found" });
      if (req.method === "GET")
        return answer(200, {
          messageId: message.id,
          url: message.destination,
          body: message.body,
          notBefore: message.notBefore,
          createdAt: message.createdAt,
        });
      if (req.method === "DELETE") {
        message.state = "CANCELLED";
        clearTimeout(message.timer);
        return answer(200, { cancelled: 1 });
      }
    }
    if (req.method === "POST" && path.startsWith("/v2/schedules/")) {
      const target = destination("/v2/schedules/");
      if (!/^https?:\/\/[^/]/.test(target)) return answer(400, { error: `invalid destination url: ${target}` });
      const scheduleId = header("Upstash-Schedule-Id") ?? `scd_${randomUUID()}`;
      const [, timezone, expression] = /^(?:CRON_TZ=(\S+)\s+)?(.*)$/.exec(header("Upstash-Cron") ?? "")!;
      let cron: Cron;
      try {
        cron = new Cron(expression, { timezone }, () => void fire(scheduleId));
      } catch (error) {
        return answer(400, { error: `invalid cron: ${(error as Error).message}` });
      }
      schedules.get(scheduleId)?.cron.stop();
      schedules.set(scheduleId, {
        scheduleId,
        cron,
        expression,
        timezone,
        destination: target,
        body,
        retries: Number(header("Upstash-Retries") ?? 3),
        method: header("Upstash-Method") ?? "POST",
        createdAt: Date.now(),
      });
      return answer(200, { scheduleId });
    }
    if (req.method === "GET" && path === "/v2/schedules") return answer(200, [...schedules.values()].map(scheduleView));
    if (path.startsWith("/v2/schedules/")) {
      const id = path.slice("/v2/schedules/".length);
      const found = schedules.get(id);
      if (!found) return answer(404, { error: "schedule not found" });
      if (req.method === "GET") return answer(200, scheduleView(found));
      if (req.method === "DELETE") {
        found.cron.stop();
        schedules.delete(id);
        return answer(200);
      }
    }
    if (req.method === "GET" && path === "/v2/queues") return answer(200, []);
    if (req.method === "GET" && path === "/v2/dlq") return answer(200, { messages: dlq });
    answer(404, { error: `not implemented here: ${route}` });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    deliveries,
    published,
    messages,
    schedules,
    dlq,
    fire,
    /** `times` API calls whose `METHOD /path` matches, after `after` of them pass, answer `answer` (a status) or lose their connection ("down"). */
    failNext(times: number, answer: number | "down", options: { match?: RegExp; after?: number } = {}) {
      faults.push({ skip: options.after ?? 0, remaining: times, answer, match: options.match ?? /./ });
    },
    setDown(value: boolean) {
      down = value;
    },
    /** While on, messages are accepted (201, a message id) and then never delivered: lost. */
    loseDeliveries(value: boolean) {
      losing = value;
    },
    async close() {
      for (const m of messages.values()) clearTimeout(m.timer);
      for (const s of schedules.values()) s.cron.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
