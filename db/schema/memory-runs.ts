/**
 * Progress of long memory maintenance runs (compress, cleanup), one row per run: the run's batch
 * id (the same id its history rows carry, so it is also what undo takes), what it is doing,
 * done/total, and its result or failure. The work runs in time slices on the server
 * (lib/background/time-slice.ts) and writes this row every second or so, so a client can poll it.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const memoryRunKinds = ["compress", "cleanup"] as const;
export type MemoryRunKind = (typeof memoryRunKinds)[number];
export const memoryRunStatuses = ["running", "done", "failed"] as const;
export type MemoryRunStatus = (typeof memoryRunStatuses)[number];

export const memoryRuns = sqliteTable(
  "memory_runs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    /** Who started it ("system" for scheduled maintenance). */
    actorId: text("actor_id").notNull(),
    kind: text("kind", { enum: memoryRunKinds }).notNull(),
    status: text("status", { enum: memoryRunStatuses }).notNull().default("running"),
    /** plan | summarize | write (compress), promote | delete (cleanup). */
    phase: text("phase").notNull(),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    result: text("result", { mode: "json" }).$type<Record<string, unknown> | null>(),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("memory_runs_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type MemoryRun = typeof memoryRuns.$inferSelect;
