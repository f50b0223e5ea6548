/**
 * The one gate every value from outside passes before a zod schema sees it: JSON bodies of
 * routes and webhooks, server-action arguments, parsed import rows and peer answers.
 *
 * - Shape limits first, walked without recursion, so a document nested 100,000 levels deep is
 *   refused instead of overflowing the validator's stack.
 * - Every string (and object key) must be well-formed UTF-16. A lone surrogate survives
 *   JSON.stringify as an escape (`"\ud800"`); SQLite's JSON functions decode it into invalid
 *   UTF-8, and the libSQL driver aborts the whole process when it reads that back. What a person
 *   typed is refused with the path of the bad field; what a file or a peer sent is repaired
 *   (U+FFFD), since nobody can retype it.
 */
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export const inputLimits = {
  /** Deep enough for any editor document (nested lists, quotes); far below a stack overflow. */
  maxDepth: 100,
  /** Values (strings, numbers, objects, array items) in one input. */
  maxNodes: 200_000,
} as const;

type Visit = { value: unknown; path: string; depth: number };

/** Walks `value` breadth-first; calls `onString` for every string and key, by path. */
function walk(value: unknown, onString: (text: string, path: string, isKey: boolean) => void): void {
  const queue: Visit[] = [{ value, path: "", depth: 0 }];
  let nodes = 0;
  for (let i = 0; i < queue.length; i++) {
    const { value: current, path, depth } = queue[i];
    if (++nodes > inputLimits.maxNodes) throw tooComplex(path, "nodes");
    if (typeof current === "string") {
      onString(current, path, false);
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= inputLimits.maxDepth) throw tooComplex(path, "depth");
    const entries = Array.isArray(current) ? current.entries() : Object.entries(current as object);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : String(key);
      if (typeof key === "string") onString(key, childPath, true);
      queue.push({ value: child, path: childPath, depth: depth + 1 });
    }
    if (queue.length > 4096 && i > 2048) queue.splice(0, i + 1), (i = -1); // keep memory flat
  }
}

function tooComplex(path: string, limit: "depth" | "nodes"): AppError {
  return new AppError("INPUT_TOO_COMPLEX", { detail: `${limit} limit at ${path || "(root)"}`, fieldErrors: { [path || "_"]: [limit] } });
}

/** Throws MALFORMED_TEXT (422, with the field's path) or INPUT_TOO_COMPLEX; returns the value unchanged. */
export function assertSafeInput<T>(value: T): T {
  walk(value, (text, path) => {
    if (!text.isWellFormed()) {
      throw new AppError("MALFORMED_TEXT", { fieldErrors: { [path || "_"]: ["malformed_text"] } });
    }
  });
  return value;
}

/** The gate in front of a schema: shape limits and well-formed text, then zod. */
export function parseUntrusted<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  return schema.parse(assertSafeInput(raw));
}

/** For values nobody can retype (import files, peer answers): lone surrogates become U+FFFD. */
export function repairText<T>(value: T): T {
  let broken = false;
  walk(value, (text) => {
    broken ||= !text.isWellFormed();
  });
  return broken ? (rebuild(value) as T) : value;
}

function rebuild(value: unknown): unknown {
  if (typeof value === "string") return value.toWellFormed();
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(rebuild);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), rebuild(v)]));
}
