/** The JSON shape of a memory version outside lib/ (API, UI): who, when, the state it left, what it changed. */
import type { MemoryHistoryAction, MemoryHistoryRow, MemorySnapshot } from "@/db/schema";
import { systemActorId } from "../maintenance/run-scheduled-maintenance";
import { changesToRestore, versionChanges, type FieldChange, type RestorableState } from "./version-changes";

export type MemorySnapshotView = Omit<MemorySnapshot, "expiresAt" | "createdAt"> & { expiresAt: string | null; createdAt: string };

export type MemoryVersionView = {
  id: number;
  action: MemoryHistoryAction;
  /** null: the system (scheduled maintenance). `name` is null when the user no longer exists. */
  actor: { id: string; name: string | null } | null;
  createdAt: string;
  /** The state this version left; for a delete or cleanup, the state that was removed. */
  snapshot: MemorySnapshotView | null;
  /** What it changed compared with the state before it (empty for a create or a delete). */
  changes: FieldChange[];
  /** The memory is in this state now: restoring it would change nothing. */
  isCurrent: boolean;
};

export type VersionRow = Pick<MemoryHistoryRow, "id" | "action" | "actorId" | "previous" | "next" | "createdAt"> & {
  actorName: string | null;
};

/** The state a version stands for: what it wrote, or what it removed. */
export function versionState(row: Pick<MemoryHistoryRow, "previous" | "next">): MemorySnapshot | null {
  return row.next ?? row.previous;
}

function toSnapshotView(s: MemorySnapshot): MemorySnapshotView {
  return {
    ...s,
    expiresAt: s.expiresAt === null ? null : new Date(s.expiresAt).toISOString(),
    createdAt: new Date(s.createdAt).toISOString(),
  };
}

export function toVersionView(row: VersionRow, current: RestorableState): MemoryVersionView {
  const state = versionState(row);
  const bySystem = row.actorId === null || row.actorId === systemActorId;
  return {
    id: row.id,
    action: row.action,
    actor: bySystem ? null : { id: row.actorId!, name: row.actorName },
    createdAt: row.createdAt.toISOString(),
    snapshot: state ? toSnapshotView(state) : null,
    changes: versionChanges(row.previous, row.next),
    isCurrent: state !== null && Object.keys(changesToRestore(current, state)).length === 0,
  };
}
