/**
 * One-time repair of text already stored with a lone surrogate: as a JSON escape (`"\ud800"`,
 * which SQLite's JSON functions decode into bytes that are not UTF-8) or as those bytes
 * themselves (written by an `INSERT ... SELECT` over json_each). Either one aborts the process
 * when the libSQL driver reads it, on every start. Values are read as BLOBs (never as text, which
 * would be the crash), decoded leniently, and written back well-formed. Runs after migrations,
 * once per database (recorded in `data_repairs`).
 */
import type { Client } from "@libsql/client";
import { repairSurrogateEscapes } from "./well-formed-args";

export const textRepairName = "lone-surrogates-2026-12";

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables of our own: not SQLite's, not libSQL's vector shadows, not FTS5 internals or virtual tables. */
async function ownTables(client: Client): Promise<string[]> {
  const rows = await client.execute(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'libsql_%' AND name NOT LIKE '%_shadow' AND name NOT LIKE '__drizzle%'",
  );
  const virtual = rows.rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(String(r.sql))).map((r) => String(r.name));
  return rows.rows.map((r) => String(r.name)).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

async function textColumns(client: Client, table: string): Promise<string[]> {
  const info = await client.execute(`PRAGMA table_info(${quote(table)})`);
  return info.rows.filter((c) => /TEXT|CHAR|CLOB|^$/i.test(String(c.type))).map((c) => String(c.name));
}

function repaired(bytes: ArrayBuffer): string | null {
  let text: string;
  let wasValid = true;
  try {
    text = strict.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    wasValid = false;
  }
  const fixed = repairSurrogateEscapes(text);
  return wasValid && fixed === text ? null : fixed;
}

/** Repairs every text column of every table; returns how many values changed. */
export async function repairStoredText(client: Client): Promise<number> {
  let changed = 0;
  for (const table of await ownTables(client)) {
    for (const column of await textColumns(client, table)) {
      const c = quote(column);
      const suspects = await client.execute(
        `SELECT rowid AS id, CAST(${c} AS BLOB) AS bytes FROM ${quote(table)} WHERE typeof(${c}) = 'text' AND (${c} LIKE '%\\ud%' OR hex(${c}) GLOB '*ED[AB]*')`,
      );
      for (const row of suspects.rows) {
        const fixed = repaired(row.bytes as ArrayBuffer);
        if (fixed === null) continue;
        await client.execute({ sql: `UPDATE ${quote(table)} SET ${c} = ? WHERE rowid = ?`, args: [fixed, row.id] });
        changed++;
      }
    }
  }
  return changed;
}

/** Runs the repair unless this database already had it. */
export async function repairStoredTextOnce(client: Client): Promise<number | null> {
  const done = await client.execute({ sql: "SELECT 1 FROM data_repairs WHERE name = ?", args: [textRepairName] });
  if (done.rows.length) return null;
  const changed = await repairStoredText(client);
  await client.execute({
    sql: "INSERT INTO data_repairs (name, applied_at, changed) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
    args: [textRepairName, Date.now(), changed],
  });
  return changed;
}
