/** A migrated libSQL file database for one integration test file (the one lib/env.ts points at). */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/lib/database";
import { migrateDb } from "@/db/migrate";

export async function migratedDb(): Promise<Db> {
  const db = getDb();
  await db.run(sql`PRAGMA journal_mode = WAL`);
  await migrateDb(db);
  return db;
}
