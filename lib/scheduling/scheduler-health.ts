/**
 * Is the scheduler really working? Asked by readiness (lib/observability/readiness.ts).
 *
 * QStash: one cheap authenticated call, `GET /v2/queues` ("List queues" in QStash's REST API;
 * `client.queue().list()` in @upstash/qstash 2.12, node_modules/@upstash/qstash chunk
 * `Queue.list`), with client retries off and a short timeout, its outcome (success or failure)
 * kept for a few seconds so a burst of probes makes one call. Unreachable, timing out or
 * refusing our token all mean jobs cannot be enqueued: not ready.
 *
 * QStash schedules (the sweep, the periodic webhooks): listed (`GET /v2/schedules`, cached for
 * 30 s); a missing one is named, and re-created in the background (qstash-schedules.ts). Jobs are
 * still delivered without them, so this only makes readiness "degraded".
 *
 * Embedded: the dispatcher loop (embedded-dispatcher.ts) records a heartbeat after each round;
 * a round normally takes well under a second, so no heartbeat for `stallMs` means its loop is
 * stuck (a hung database call, say) or was never started in this process: not ready.
 */
import { Client } from "@upstash/qstash";
import type { Env } from "@/lib/env";
import { keepSchedules, missingSchedules } from "./qstash-schedules";

const beat = globalThis as unknown as { redmatrixDispatcherBeatAt?: number };

export function recordDispatcherHeartbeat(at = Date.now()): void {
  beat.redmatrixDispatcherBeatAt = at;
}

export const dispatcherStallMs = 60_000;

export function checkDispatcherHeartbeat(options: { stallMs?: number; now?: number } = {}): Promise<void> {
  const stallMs = options.stallMs ?? dispatcherStallMs;
  const last = beat.redmatrixDispatcherBeatAt;
  if (last === undefined) return Promise.reject(new Error("the embedded dispatcher is not running in this process"));
  const age = (options.now ?? Date.now()) - last;
  if (age > stallMs) {
    return Promise.reject(
      new Error(
        `the embedded dispatcher has stalled: its last round finished ${(age / 1000).toFixed(1)} s ago (limit ${(stallMs / 1000).toFixed(1)} s)`,
      ),
    );
  }
  return Promise.resolve();
}

export type QstashProbeOptions = { token: string; baseUrl?: string; timeoutMs?: number; cacheMs?: number };

export function createQstashProbe(options: QstashProbeOptions): () => Promise<void> {
  const client = new Client({ token: options.token, retry: false, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
  const timeoutMs = options.timeoutMs ?? 1_500;
  let last: { at: number; outcome: Promise<void> } | undefined;

  async function call(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`QStash did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([client.queue().list(), timeout]);
    } catch (error) {
      throw new Error(`QStash unreachable: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  return () => {
    const now = Date.now();
    if (!last || now - last.at >= (options.cacheMs ?? 5_000)) {
      const outcome = call();
      outcome.catch(() => undefined); // Observed by every caller within the window, never unhandled.
      last = { at: now, outcome };
    }
    return last.outcome;
  };
}

/** One probe (and so one cached outcome) per QStash endpoint and token, for the process. */
const probes = globalThis as unknown as { redmatrixQstashProbes?: Map<string, () => Promise<void>> };

/** The probe for this process's scheduler driver. */
export function schedulerProbe(env: Env): () => Promise<void> {
  if (env.scheduler.driver === "embedded") return () => checkDispatcherHeartbeat();
  const { token, baseUrl } = env.scheduler;
  const map = (probes.redmatrixQstashProbes ??= new Map());
  const key = `${baseUrl ?? ""} ${token}`;
  return map.get(key) ?? map.set(key, createQstashProbe({ token, baseUrl })).get(key)!;
}

const scheduleChecks = globalThis as unknown as { redmatrixScheduleProbe?: { at: number; outcome: Promise<void> } };

/** QStash only: fails naming the schedules QStash lacks (and starts re-creating them). */
export function schedulesProbe(env: Env, cacheMs = 30_000): (() => Promise<void>) | null {
  const scheduler = env.scheduler;
  if (scheduler.driver !== "qstash") return null;
  return () => {
    const last = scheduleChecks.redmatrixScheduleProbe;
    if (last && Date.now() - last.at < cacheMs) return last.outcome;
    const outcome = missingSchedules(scheduler, env.appUrl).then((missing) => {
      if (!missing.length) return;
      void keepSchedules(scheduler, env.appUrl, { minGapMs: 0 }); // this probe itself runs at most every cacheMs
      throw new Error(`QStash schedules missing: ${missing.map((m) => m.scheduleId).join(", ")} (re-creating them)`);
    });
    outcome.catch(() => undefined);
    scheduleChecks.redmatrixScheduleProbe = { at: Date.now(), outcome };
    return outcome;
  };
}
