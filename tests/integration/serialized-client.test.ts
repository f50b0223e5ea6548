/** The embedded file client under concurrent writes: no SQLITE_BUSY, no deadlock, nothing lost. */
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { serializeClient } from "@/db/serialized-client";

function freshClient(maxWaitMs?: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redmatrix-serial-"));
  const url = `file:${path.join(dir, "t.db")}`;
  return serializeClient(createClient({ url, timeout: 2000 }), maxWaitMs);
}

describe("serialized libSQL file client", () => {
  it("runs 50 concurrent transactions and plain writes without losing one", async () => {
    const client = freshClient();
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    const work = Array.from({ length: 50 }, async (_, i) => {
      if (i % 2) return client.execute({ sql: "INSERT INTO t (v) VALUES (?)", args: [`plain ${i}`] });
      const tx = await client.transaction("write");
      await tx.execute({ sql: "INSERT INTO t (v) VALUES (?)", args: [`tx ${i}`] });
      await new Promise((r) => setTimeout(r, 2)); // yield while holding the write lock
      await tx.execute({ sql: "INSERT INTO t (v) VALUES (?)", args: [`tx ${i} second`] });
      await tx.commit();
    });
    await Promise.all(work);
    const { rows } = await client.execute("SELECT count(*) AS n FROM t");
    expect(Number(rows[0].n)).toBe(25 + 25 * 2);
  });

  it("rolls back cleanly and lets the next caller in", async () => {
    const client = freshClient();
    await client.execute("CREATE TABLE t (v TEXT)");
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO t VALUES ('gone')");
    await tx.rollback();
    await client.execute("INSERT INTO t VALUES ('kept')");
    const { rows } = await client.execute("SELECT v FROM t");
    expect(rows.map((r) => r.v)).toEqual(["kept"]);
  });

  it("fails fast, instead of hanging, when the client is used inside its own transaction", async () => {
    const client = freshClient(200);
    await client.execute("CREATE TABLE t (v TEXT)");
    const tx = await client.transaction("write");
    await expect(client.execute("SELECT 1")).rejects.toThrow(/inside its own transaction/);
    await tx.rollback();
    await expect(client.execute("SELECT 1")).resolves.toBeTruthy();
  });
});
