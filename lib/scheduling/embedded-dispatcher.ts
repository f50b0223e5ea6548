/**
 * The in-process dispatcher of the embedded default: every tick it finds due jobs and POSTs a
 * QStash-signed request to the publish webhook, exactly as QStash would; every 5 minutes it
 * runs the sweep and tops up recurring series; it sends due channel notifications from the
 * outbox (retries, and rows a crash left behind); and it calls the periodic webhooks (account
 * health every 30 minutes, lib/jobs/periodic-jobs.ts) signed the same way. The database is the
 * source of truth, so a restart loses nothing. Each finished round records a heartbeat that
 * readiness checks (scheduler-health.ts): a loop stuck in a round stops beating.
 */
import { and, asc, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memoryReembedJobs, publishJobs } from "@/db/schema";
import { deliverOutbox } from "@/lib/notifications/channels/notification-outbox";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { publishWebhookPath, reembedWebhookPath } from "@/lib/jobs/job-paths";
import { embeddedDriver } from "./drivers/embedded-driver";
import { periodicWebhooks, type PeriodicWebhook } from "@/lib/jobs/periodic-jobs";
import { recordDispatcherHeartbeat } from "./scheduler-health";
import { materializeSeries } from "./series/materialize-series";
import { sweepJobs } from "./sweep";

type Options = {
  db: Db;
  appUrl: string;
  signingKey: string;
  tickMs?: number;
  sweepEveryMs?: number;
  /** How often to look for due channel notifications (default 5 s). */
  outboxEveryMs?: number;
  concurrency?: number;
  /** Default: periodicWebhooks; each first runs `firstAfterMs` (default one interval) after start, not while the server boots. */
  periodic?: PeriodicWebhook[];
  onError?: (error: unknown) => void;
};

export async function deliverSigned(url: string, payload: object, signingKey: string): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "upstash-signature": signQstashRequest({ url, body, key: signingKey }) },
    body,
  });
}

export function startEmbeddedDispatcher(options: Options): { stop(): void; tick(): Promise<number> } {
  const url = `${options.appUrl}${publishWebhookPath}`;
  const inFlight = new Set<string>();
  let lastSweep = 0;
  let lastOutbox = 0;
  let outboxBusy = false;
  let stopped = false;
  const startedAt = Date.now();
  // The time of each webhook's last call, as if one was made so that the first comes `firstAfterMs` after start.
  const lastPeriodic = new Map(
    (options.periodic ?? periodicWebhooks).map((w) => [w, startedAt - w.everyMs + (w.firstAfterMs ?? w.everyMs)]),
  );
  // When the webhook cannot be reached at all (APP_URL wrong, server not listening), deliveries
  // pause with exponential backoff (250 ms doubling to 10 s) instead of failing 16 times a tick.
  let unreachable = 0;
  let pausedUntil = 0;

  function callPeriodic(now: Date) {
    for (const [webhook, last] of lastPeriodic) {
      if (now.getTime() - last < webhook.everyMs) continue;
      lastPeriodic.set(webhook, now.getTime());
      deliverSigned(`${options.appUrl}${webhook.path}`, {}, options.signingKey).catch((error) => options.onError?.(error));
    }
  }

  let reembedInFlight = false;
  let lastReembedCheck = 0;
  /**
   * Memory re-embedding jobs: one signed call at a time to their webhook while any is running.
   * Looked for once a second, not on every 250 ms publish tick.
   */
  async function kickReembedding(now: Date): Promise<void> {
    if (reembedInFlight || now.getTime() - lastReembedCheck < 1_000) return;
    lastReembedCheck = now.getTime();
    const [running] = await options.db
      .select({ id: memoryReembedJobs.id })
      .from(memoryReembedJobs)
      .where(eq(memoryReembedJobs.status, "running"))
      .limit(1);
    if (!running) return;
    reembedInFlight = true;
    deliverSigned(`${options.appUrl}${reembedWebhookPath}`, {}, options.signingKey)
      .catch((error) => options.onError?.(error))
      .finally(() => (reembedInFlight = false));
  }

  async function tick(): Promise<number> {
    const now = new Date();
    await kickReembedding(now);
    if (now.getTime() - lastSweep >= (options.sweepEveryMs ?? 5 * 60_000)) {
      lastSweep = now.getTime();
      await sweepJobs(options.db, now);
      await materializeSeries(options.db, embeddedDriver, now);
    }
    callPeriodic(now);
    if (!outboxBusy && now.getTime() - lastOutbox >= (options.outboxEveryMs ?? 5_000)) {
      // In the background too: a hanging robot must not stall publishing.
      lastOutbox = now.getTime();
      outboxBusy = true;
      void deliverOutbox(options.db, { now }).finally(() => (outboxBusy = false));
    }
    // Deliveries run in the background, at most `concurrency` at a time: a slow publish must not
    // hold back the next tick (that is what keeps run_at -> publish lag low under load).
    const capacity = (options.concurrency ?? 16) - inFlight.size;
    if (capacity <= 0 || now.getTime() < pausedUntil) return 0;
    const due = await options.db
      .select({ id: publishJobs.id, workspaceId: publishJobs.workspaceId, version: publishJobs.version })
      .from(publishJobs)
      .where(and(eq(publishJobs.status, "scheduled"), lte(publishJobs.runAt, now)))
      .orderBy(asc(publishJobs.runAt))
      .limit(capacity + inFlight.size);
    const fresh = due.filter((job) => !inFlight.has(`${job.id}:${job.version}`)).slice(0, capacity);
    for (const job of fresh) {
      const key = `${job.id}:${job.version}`;
      inFlight.add(key);
      deliverSigned(url, { jobId: job.id, workspaceId: job.workspaceId, version: job.version }, options.signingKey)
        .then(() => (unreachable = 0))
        .catch((error) => {
          // The job stays due; a later tick tries again. The first failure starts a pause and is
          // reported; its siblings from the same tick fall inside it.
          if (Date.now() < pausedUntil) return;
          options.onError?.(error);
          pausedUntil = Date.now() + Math.min(10_000, 250 * 2 ** unreachable++);
        })
        .finally(() => inFlight.delete(key));
    }
    return fresh.length;
  }

  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    if (stopped) return;
    await tick().catch((error) => options.onError?.(error));
    if (stopped) return;
    recordDispatcherHeartbeat();
    timer = setTimeout(loop, options.tickMs ?? 250);
  };
  recordDispatcherHeartbeat(startedAt);
  void loop();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    tick,
  };
}
