/**
 * What a memory version changed, and what restoring one would change: pure comparisons of
 * snapshots over the fields a person edits. Counters, expiry, source and lineage are not part of
 * what a person restores (expiry follows the type, as on an edit).
 */
import type { MemorySnapshot } from "@/db/schema";

export const restorableFields = ["content", "category", "tags", "metadata", "importance", "type", "privacy"] as const;
export type RestorableField = (typeof restorableFields)[number];
export type RestorableState = Pick<MemorySnapshot, RestorableField>;

/** One field's change; `field` narrows `before` and `after` to that field's type. */
export type FieldChange = { [F in RestorableField]: { field: F; before: RestorableState[F]; after: RestorableState[F] } }[RestorableField];

/** JSON with sorted object keys: two metadata objects with the same entries compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const differs = (a: RestorableState, b: RestorableState, field: RestorableField) => canonical(a[field]) !== canonical(b[field]);

/** The fields a version changed compared with the state before it (none for a create or a delete). */
export function versionChanges(before: RestorableState | null, after: RestorableState | null): FieldChange[] {
  if (!before || !after) return [];
  return restorableFields
    .filter((f) => differs(before, after, f))
    .map((f) => ({ field: f, before: before[f], after: after[f] }) as FieldChange);
}

/** The edit that turns `current` into `version`: only the fields that differ (empty: it is the current state). */
export function changesToRestore(current: RestorableState, version: RestorableState): Partial<RestorableState> {
  return Object.fromEntries(restorableFields.filter((f) => differs(current, version, f)).map((f) => [f, version[f]]));
}
