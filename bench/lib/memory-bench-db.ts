/** A throwaway migrated libSQL file with one set-up workspace, for in-process memory benchmarks. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { getDb } from "@/lib/database";
import { sql } from "drizzle-orm";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { completeSetup } from "@/lib/setup/complete-setup";

export async function memoryBenchDb(label: string): Promise<{ db: Db; actor: MemoryActor; file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `redmatrix-${label}-`));
  // lib/env.ts reads these lazily: point the data dir (local secrets) at the throwaway directory.
  process.env.DATA_DIR = dir;
  process.env.LOG_LEVEL = "silent";
  const file = path.join(dir, "bench.db");
  const db = createDb(`file:${file}`);
  await db.run(sql`PRAGMA journal_mode = WAL`);
  await migrateDb(db);
  // Cache versions (lib/cache/cache-versions.ts) live in the process's own database (getDb, from
  // the first DATA_DIR this process set): migrate it too, or the first write fails.
  await migrateDb(getDb());
  const setup = await completeSetup(db, {
    name: "Bench",
    email: "bench@example.com",
    password: "bench-password-123",
    workspaceName: "Bench",
    timezone: "Asia/Shanghai",
    locale: "zh-CN",
    loadDemo: false,
  });
  const ctx = await loadWorkspaceContext(db, { userId: setup.userId, workspace: { id: setup.workspaceId }, via: "session" });
  if (!ctx) throw new Error("bench: no context");
  return { db, actor: actorOf(ctx), file, dir };
}

/** Reopens a database a previous run kept (BENCH_KEEP_DATA=1), to measure search again without re-inserting. */
export async function reopenMemoryBenchDb(file: string): Promise<{ db: Db; actor: MemoryActor; file: string; dir: string }> {
  const dir = path.dirname(file);
  process.env.DATA_DIR = dir;
  process.env.LOG_LEVEL = "silent";
  const db = createDb(`file:${file}`);
  await migrateDb(db);
  const [row] = await db.all<{ userId: string; workspaceId: string }>(
    sql`SELECT m.user_id AS userId, m.workspace_id AS workspaceId FROM members m JOIN users u ON u.id = m.user_id WHERE u.email = 'bench@example.com' LIMIT 1`,
  );
  if (!row) throw new Error(`bench: ${file} has no bench workspace`);
  const ctx = await loadWorkspaceContext(db, { userId: row.userId, workspace: { id: row.workspaceId }, via: "session" });
  if (!ctx) throw new Error("bench: no context");
  return { db, actor: actorOf(ctx), file, dir };
}
