/**
 * Re-encrypts every stored secret with the key ring's current key. Walks each secret column
 * by primary key in batches; each row is a compare-and-set UPDATE (only if the value is still
 * what was read), so it is safe beside a running app, safe to interrupt, and a re-run simply
 * continues: rows already on the current key are skipped.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { KeyRing } from "./key-ring";
import { keyIdOf, reencryptSecret } from "./secret-box";
import { secretColumns, type SecretColumn } from "./secret-columns";

export type ReencryptProgress = { column: string; scanned: number; reencrypted: number; alreadyCurrent: number; failed: number };
export type WorkspaceCounts = { reencrypted: number; failed: number };
export type ReencryptResult = {
  reencrypted: number;
  alreadyCurrent: number;
  failed: { column: string; id: string; reason: string }[];
  stopped: boolean;
  /** Per workspace whose secrets this run touched (re-encrypted or failed). */
  byWorkspace: Record<string, WorkspaceCounts>;
};

type Options = {
  batchSize?: number;
  onProgress?: (p: ReencryptProgress) => void /** Stop after this many re-encrypted rows (bounded runs, tests). */;
  maxRows?: number;
  columns?: readonly SecretColumn[];
};

export async function reencryptSecrets(db: DbOrTx, ring: KeyRing, options: Options = {}): Promise<ReencryptResult> {
  const batchSize = options.batchSize ?? 200;
  const result: ReencryptResult = { reencrypted: 0, alreadyCurrent: 0, failed: [], stopped: false, byWorkspace: {} };
  const countsOf = (workspaceId: string) => (result.byWorkspace[workspaceId] ??= { reencrypted: 0, failed: 0 });
  for (const col of options.columns ?? secretColumns) {
    const table = sql.identifier(col.table);
    const idCol = sql.identifier(col.idColumn);
    const valueCol = sql.identifier(col.column);
    const workspaceCol = sql.identifier(col.workspaceColumn);
    const progress: ReencryptProgress = { column: `${col.table}.${col.column}`, scanned: 0, reencrypted: 0, alreadyCurrent: 0, failed: 0 };
    let lastId = "";
    for (;;) {
      const rows = await db.all<{ id: string; value: string; workspaceId: string }>(
        sql`SELECT ${idCol} AS id, ${valueCol} AS value, ${workspaceCol} AS workspaceId FROM ${table} WHERE ${idCol} > ${lastId} AND ${valueCol} LIKE 'enc:v1:%' ORDER BY ${idCol} LIMIT ${batchSize}`,
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        lastId = row.id;
        progress.scanned++;
        if (keyIdOf(row.value) === ring.current.id) {
          progress.alreadyCurrent++;
          result.alreadyCurrent++;
          continue;
        }
        if (options.maxRows !== undefined && result.reencrypted >= options.maxRows) {
          result.stopped = true;
          options.onProgress?.(progress);
          return result;
        }
        try {
          const next = reencryptSecret(ring, row.value)!;
          await db.run(sql`UPDATE ${table} SET ${valueCol} = ${next} WHERE ${idCol} = ${row.id} AND ${valueCol} = ${row.value}`);
          progress.reencrypted++;
          result.reencrypted++;
          countsOf(row.workspaceId).reencrypted++;
        } catch (error) {
          progress.failed++;
          countsOf(row.workspaceId).failed++;
          result.failed.push({ column: progress.column, id: row.id, reason: (error as Error).message });
        }
      }
      options.onProgress?.(progress);
    }
  }
  return result;
}

/** How many stored secrets are not on the current key yet (a pending rotation). */
export async function countPendingSecrets(db: DbOrTx, ring: KeyRing): Promise<number> {
  let total = 0;
  const current = `enc:v1:${ring.current.id}:%`;
  for (const col of secretColumns) {
    const [row] = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM ${sql.identifier(col.table)} WHERE ${sql.identifier(col.column)} LIKE 'enc:v1:%' AND ${sql.identifier(col.column)} NOT LIKE ${current}`,
    );
    total += Number(row?.n ?? 0);
  }
  return total;
}
