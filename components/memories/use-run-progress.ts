"use client";
/**
 * While a compress/cleanup run is pending, polls GET /api/v1/memories/runs once a second and
 * returns the newest running run of that kind started since polling began (the action that
 * started it is still awaiting its result: runs go in time slices, so the server answers meanwhile).
 */
import { useEffect, useState } from "react";

export type RunProgress = { phase: string; done: number; total: number };
type RunRow = RunProgress & { kind: string; status: string; createdAt: string };

export function useRunProgress(slug: string, kind: "compress" | "cleanup" | null): RunProgress | null {
  const [progress, setProgress] = useState<RunProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!kind) return;
    const since = Date.now() - 5_000; // the server's clock may be a little behind ours
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch("/api/v1/memories/runs", { headers: { "x-workspace": slug }, cache: "no-store" });
        if (!res.ok || stopped) return;
        const { runs } = (await res.json()) as { runs: RunRow[] };
        const run = runs.find((r) => r.kind === kind && r.status === "running" && Date.parse(r.createdAt) >= since);
        if (run && !stopped) setProgress({ phase: run.phase, done: run.done, total: run.total });
      } catch {
        // progress is a nicety: the action's own result still arrives
      }
    };
    const timer = setInterval(poll, 1_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [slug, kind]);
  return progress;
}
