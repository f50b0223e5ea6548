/**
 * The one gate every value from outside passes before a zod schema sees it: JSON bodies of
 * routes and webhooks, server-action arguments, parsed import rows and peer answers.
 *
 * - Shape limits first, walked with an explicit stack (no recursion), so a document nested 100,000 levels deep is
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

/** Where a value sits, as a chain to its parent: the dotted path is built only for an error. */
type Where = { parent: Where | null; key: string | number } | null;

function pathOf(where: Where): string {
  const keys: (string | number)[] = [];
  for (let at = where; at; at = at.parent) keys.unshift(at.key);
  return keys.join(".");
}

/** Walks `value` depth-first with its own stack (no recursion); calls `onString` for every string and key. */
function walk(value: unknown, onString: (text: string, where: Where) => void): void {
  const stack: { value: unknown; depth: number; where: Where }[] = [{ value, depth: 0, where: null }];
  let nodes = 0;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: current, depth, where } = next;
    if (++nodes > inputLimits.maxNodes) throw tooComplex(where, "nodes");
    if (typeof current === "string") {
      onString(current, where);
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= inputLimits.maxDepth) throw tooComplex(where, "depth");
    const entries = Array.isArray(current) ? current.entries() : Object.entries(current as object);
    for (const [key, child] of entries) {
      const at: Where = { parent: where, key };
      if (typeof key === "string") onString(key, at);
      stack.push({ value: child, depth: depth + 1, where: at });
    }
  }
}

function tooComplex(where: Where, limit: "depth" | "nodes"): AppError {
  const path = pathOf(where);
  return new AppError("INPUT_TOO_COMPLEX", { detail: `${limit} limit at ${path || "(root)"}`, fieldErrors: { [path || "_"]: [limit] } });
}

/** Throws MALFORMED_TEXT (422, with the field's path) or INPUT_TOO_COMPLEX; returns the value unchanged. */
export function assertSafeInput<T>(value: T): T {
  walk(value, (text, where) => {
    if (!text.isWellFormed()) {
      throw new AppError("MALFORMED_TEXT", { fieldErrors: { [pathOf(where) || "_"]: ["malformed_text"] } });
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
