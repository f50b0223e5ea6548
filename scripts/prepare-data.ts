/**
 * Prepares the data layer: generates missing local secrets into the data directory (0600) and
 * applies the committed migrations to the configured database (the embedded file by default),
 * then the one-time repairs of stored data and the re-index of memories an older search analysis
 * indexed.
 */
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { repairStoredTextOnce } from "@/db/repair-stored-text";
import { getEnv } from "@/lib/env";
import { reindexStaleMemories } from "@/lib/memory/search/reindex-memories";
import { getKeyRing } from "@/lib/security/crypto/get-key-ring";

export async function prepareData(): Promise<void> {
  const env = getEnv();
  if (fs.existsSync(env.dataDir)) fs.chmodSync(env.dataDir, 0o700); // an older install made it 0755
  void env.authSecret; // generates .data/auth-secret when AUTH_SECRET is not set
  getKeyRing(); // generates .data/encryption-keys when ENCRYPTION_KEYS is not set
  const db = createDb(env.database.url, env.database.authToken);
  if (env.database.isEmbedded) await db.run(sql`PRAGMA journal_mode = WAL`);
  await migrateDb(db);
  const repaired = await repairStoredTextOnce(db.$client);
  if (repaired) console.log(`data: repaired ${repaired} stored text value(s) with lone surrogates`);
  const reindexed = await reindexStaleMemories(db, {
    onProgress: (n) => n % 5_000 === 0 && console.log(`data: re-indexed ${n} memories…`),
  });
  if (reindexed) console.log(`data: re-indexed ${reindexed} memories for the current search analysis`);
  db.$client.close();
}

if (process.argv[1]?.endsWith("prepare-data.ts")) {
  prepareData()
    .then(() => console.log("data: migrations applied"))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
