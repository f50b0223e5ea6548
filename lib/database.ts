/**
 * This process's database handle, made once from the environment (lib/env.ts): the embedded
 * file by default, or Turso. Everything else takes a `Db` as its first argument, so tests pass a
 * database of their own; db/ itself knows nothing of the environment.
 */
import { createDb, type Db } from "@/db/client";
import { getEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { redmatrixDb?: Db };

export function getDb(): Db {
  if (!globalForDb.redmatrixDb) {
    const { database } = getEnv();
    globalForDb.redmatrixDb = createDb(database.url, database.authToken);
  }
  return globalForDb.redmatrixDb;
}
