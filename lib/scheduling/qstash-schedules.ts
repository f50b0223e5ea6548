/**
 * The QStash schedules the app needs (the 5-minute sweep and the periodic webhooks), kept in
 * place: at process start, again while any is missing (QStash down at start must not leave them
 * missing until a restart), from every sweep, and whenever readiness finds one missing (which
 * it reports). QStash's `POST /v2/schedules/<destination>` with `Upstash-Schedule-Id` replaces a
 * schedule of that id, so (re)creating is safe; `GET /v2/schedules` lists them (SDK 2.12
 * `client.schedules.create` / `list`).
 */
import { Client } from "@upstash/qstash";
import type { Env } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { periodicWebhooks } from "@/lib/jobs/periodic-jobs";
import { sweepWebhookPath } from "@/lib/jobs/job-paths";

export const sweepScheduleId = "redmatrix-sweep";

type QstashEnv = Extract<Env["scheduler"], { driver: "qstash" }>;
type Wanted = { scheduleId: string; destination: string; cron: string };

export function wantedSchedules(appUrl: string): Wanted[] {
  return [
    { scheduleId: sweepScheduleId, destination: `${appUrl}${sweepWebhookPath}`, cron: "*/5 * * * *" },
    ...periodicWebhooks.map((w) => ({ scheduleId: w.id, destination: `${appUrl}${w.path}`, cron: w.cron })),
  ];
}

const clientFor = (scheduler: QstashEnv) =>
  new Client({ token: scheduler.token, retry: false, ...(scheduler.baseUrl ? { baseUrl: scheduler.baseUrl } : {}) });

/** The wanted schedules QStash does not have (or has with another destination or cron). */
export async function missingSchedules(scheduler: QstashEnv, appUrl: string): Promise<Wanted[]> {
  const have = new Map((await clientFor(scheduler).schedules.list()).map((s) => [s.scheduleId, s]));
  return wantedSchedules(appUrl).filter((w) => {
    const found = have.get(w.scheduleId);
    return !found || found.destination !== w.destination || found.cron !== w.cron;
  });
}

/** Creates the missing ones; returns the ids still missing (QStash down or refusing). */
export async function ensureSchedules(scheduler: QstashEnv, appUrl: string): Promise<string[]> {
  const client = clientFor(scheduler);
  let missing: Wanted[];
  try {
    missing = await missingSchedules(scheduler, appUrl);
  } catch (err) {
    getLogger().error({ err }, "could not list the QStash schedules");
    return wantedSchedules(appUrl).map((w) => w.scheduleId);
  }
  const still: string[] = [];
  for (const w of missing) {
    await client.schedules.create({ ...w, body: "{}" }).catch((err) => {
      getLogger().error({ err, schedule: w.scheduleId }, "could not create a QStash schedule");
      still.push(w.scheduleId);
    });
  }
  return still;
}

const state = globalThis as unknown as {
  redmatrixScheduleCheck?: { at: number; running?: Promise<string[]>; timer?: NodeJS.Timeout; failures: number };
};

/**
 * ensureSchedules at most once per `minGapMs` per process; while some stay missing, tries
 * again by itself with backoff (30 s doubling to 10 min). Never throws.
 */
export function keepSchedules(scheduler: QstashEnv, appUrl: string, options: { minGapMs?: number; now?: number } = {}): Promise<string[]> {
  const s = (state.redmatrixScheduleCheck ??= { at: 0, failures: 0 });
  const now = options.now ?? Date.now();
  if (s.running) return s.running;
  if (now - s.at < (options.minGapMs ?? 60_000)) return Promise.resolve([]);
  s.at = now;
  s.running = ensureSchedules(scheduler, appUrl).then((still) => {
    s.running = undefined;
    clearTimeout(s.timer);
    s.failures = still.length ? s.failures + 1 : 0;
    if (still.length) {
      s.timer = setTimeout(
        () => void keepSchedules(scheduler, appUrl, { minGapMs: 0 }),
        Math.min(10 * 60_000, 30_000 * 2 ** (s.failures - 1)),
      );
      s.timer.unref?.();
    }
    return still;
  });
  return s.running;
}
