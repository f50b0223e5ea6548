/** A throwaway migrated libSQL file with one set-up workspace, for in-process memory benchmarks. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
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
  const setup = await completeSetup(db, { name: "Bench", email: "bench@example.com", password: "bench-password-123", workspaceName: "Bench", timezone: "Asia/Shanghai", locale: "zh-CN", loadDemo: false });
  const ctx = await loadWorkspaceContext(db, { userId: setup.userId, workspace: { id: setup.workspaceId }, via: "session" });
  if (!ctx) throw new Error("bench: no context");
  return { db, actor: actorOf(ctx), file, dir };
}
