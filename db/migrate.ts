/** Applies the committed migrations (drizzle's journal keeps it idempotent). */
import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Db } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
