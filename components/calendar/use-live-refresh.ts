"use client";
/**
 * Keeps the calendar live while something on it is about to change: a job publishing now, or
 * one due within the next two minutes (or just due). Refreshes the server component every few
 * seconds until then; a quiet calendar costs nothing.
 */
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { JobView } from "./types";

const soonMs = 2 * 60_000;
const everyMs = 4_000;

export function isAboutToChange(job: Pick<JobView, "status" | "runAt">, now: number): boolean {
  if (job.status === "publishing") return true;
  if (job.status !== "scheduled") return false;
  const due = new Date(job.runAt).getTime() - now;
  return due < soonMs && due > -soonMs;
}

/** When the next scheduled job comes within the window (ms from now), if within the hour. */
function wakeUpIn(jobs: Pick<JobView, "status" | "runAt">[], now: number): number | null {
  const next = Math.min(
    ...jobs
      .filter((j) => j.status === "scheduled")
      .map((j) => new Date(j.runAt).getTime())
      .filter((t) => t - soonMs > now),
  );
  return Number.isFinite(next) && next - soonMs - now < 3_600_000 ? next - soonMs - now : null;
}

export function useLiveRefresh(jobs: Pick<JobView, "status" | "runAt">[]): boolean {
  const router = useRouter();
  const [, setTick] = useState(0);
  const now = Date.now();
  const live = jobs.some((job) => isAboutToChange(job, now));
  const wake = live ? null : wakeUpIn(jobs, now);
  useEffect(() => {
    if (live) {
      const timer = setInterval(() => router.refresh(), everyMs);
      return () => clearInterval(timer);
    }
    if (wake === null) return;
    const timer = setTimeout(() => setTick((n) => n + 1), wake + 50); // look again when the next job is near
    return () => clearTimeout(timer);
  }, [live, wake, router]);
  return live;
}
