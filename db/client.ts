/**
 * The database handle. One libSQL client per URL: an embedded file (`file:`) by default, or a
 * Turso / libSQL server. Everything takes the `Db` as its first argument, so tests can pass
 * a fresh file database of their own.
 */
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { preparePrivateFile } from "./private-file";
import * as schema from "./schema";
import { serializeClient } from "./serialized-client";
import { withWellFormedArgs } from "./well-formed-args";

export type Db = ReturnType<typeof createDb>;
/** A transaction handle: accepted wherever a query only needs to run, not to open a transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export function createDb(url: string, authToken?: string) {
  const isFile = url.startsWith("file:");
  if (isFile) preparePrivateFile(url.slice("file:".length));
  // Across processes (a CLI beside the server) the busy timeout waits for the other's lock;
  // within this process, serializeClient keeps calls from meeting each other at all.
  const client = withWellFormedArgs(createClient({ url, authToken, timeout: isFile ? 10_000 : undefined }));
  if (!isFile) return drizzle(client, { schema });
  const serialized = serializeClient(client);
  tuneFileConnection(serialized);
  return drizzle(serialized, { schema });
}

/**
 * Read tuning for the embedded file, queued ahead of every other call. SQLite's default page
 * cache is 2 MB, so at 100k memories each search re-read the FTS5 doclists and DiskANN nodes
 * through pread; a 64 MB cache and a memory-mapped file (reads straight from the OS page cache)
 * cut the CPU time of a 100k-memory search by about a tenth (bench/suites/memory.ts). Both are
 * per connection: serializeClient hands every call the pool's one idle connection, so they hold
 * for its life (a connection the pool replaces after a failed rollback reads at the defaults).
 */
export const fileCacheKiB = 65_536;
export const fileMmapBytes = 1 << 30;

function tuneFileConnection(client: ReturnType<typeof serializeClient>): void {
  void client.executeMultiple(`PRAGMA cache_size = -${fileCacheKiB}; PRAGMA mmap_size = ${fileMmapBytes};`).catch(() => undefined);
}
