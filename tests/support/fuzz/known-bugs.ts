/**
 * Failures with a fix under way on main (issue #13). They are labelled in reports, never
 * skipped: the suite fails on them until the fixes are merged, then the labels can go.
 */
import type { Failure } from "./engine";
import type { Crash } from "./run-fuzz";

const known: { label: string; matches: (f: { target: string; check?: string; detail?: string; input?: string }) => boolean }[] = [
  {
    label: "lone surrogate stored in a memory's tags aborts the process when read through json_each (libSQL panic)",
    matches: (f) => /memories\/analytics\/(stats|patterns)/.test(f.target) && !f.check,
  },
  {
    label: "a draft doc nested 1,000+ levels overflows the validator's stack",
    matches: (f) => /draft/i.test(f.target) && /Maximum call stack/.test(f.detail ?? ""),
  },
  {
    label: "NUL byte in the draft search query (?q=a%00b)",
    matches: (f) => f.target === "GET /drafts/search" && /%00|\\u0000/.test(f.input ?? ""),
  },
  {
    label: "another workspace's competitor import runId answers 500, not 404",
    matches: (f) => f.target === "POST /competitor-imports" && /runId=imp_/.test(f.input ?? "") && /import_runs|UNIQUE/.test(f.detail ?? ""),
  },
  {
    label: "server actions accept a call from a foreign Origin",
    matches: (f) => f.check === "accepted a call from a foreign Origin",
  },
];

export function knownBugOf(f: Failure | Crash): string | undefined {
  return known.find((k) => k.matches(f))?.label;
}
