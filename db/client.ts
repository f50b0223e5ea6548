/**
 * The database handle. One libSQL client per URL: an embedded file (`file:`) by default, or a
 * Turso / libSQL server. Everything takes the `Db` as its first argument, so tests can pass
 * a fresh file database of their own.
 */
import fs from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";
import { serializeClient } from "./serialized-client";

export type Db = ReturnType<typeof createDb>;
/** A transaction handle: accepted wherever a query only needs to run, not to open a transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export function createDb(url: string, authToken?: string) {
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  const isFile = url.startsWith("file:");
  // Across processes (a CLI beside the server) the busy timeout waits for the other's lock;
  // within this process, serializeClient keeps calls from meeting each other at all.
  const client = createClient({ url, authToken, timeout: isFile ? 10_000 : undefined });
  return drizzle(isFile ? serializeClient(client) : client, { schema });
}

const globalForDb = globalThis as unknown as { redmatrixDb?: Db };

export function getDb(): Db {
  if (!globalForDb.redmatrixDb) {
    const { database } = getEnv();
    globalForDb.redmatrixDb = createDb(database.url, database.authToken);
  }
  return globalForDb.redmatrixDb;
}
