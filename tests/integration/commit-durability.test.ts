/**
 * Relaxed commits (db/commit-durability.ts): only the relaxed transaction commits at
 * synchronous=NORMAL; every other statement, even one queued while it ran, sees FULL, after a
 * commit and after a rollback alike.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { relaxedTransaction } from "@/db/commit-durability";

const level = async (db: { all: (q: ReturnType<typeof sql>) => Promise<unknown[]> }) =>
  ((await db.all(sql`PRAGMA synchronous`)) as { synchronous: number }[])[0].synchronous;

describe("relaxed commits on the embedded file", () => {
  it("relaxes only its own transaction and restores FULL for everyone else", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redmatrix-durability-"));
    const db = createDb(`file:${path.join(dir, "t.db")}`);
    await db.run(sql`PRAGMA journal_mode = WAL`);
    await db.run(sql`CREATE TABLE t (v TEXT)`);
    expect(await level(db)).toBe(2);

    let inside = -1;
    let queuedMeanwhile: Promise<number> | null = null;
    await relaxedTransaction(db, async (tx) => {
      inside = await level(tx);
      queuedMeanwhile = level(db); // waits for the transaction's turn to end
      await tx.run(sql`INSERT INTO t VALUES ('relaxed')`);
    });
    expect(inside).toBe(1);
    expect(await queuedMeanwhile!).toBe(2);
    expect(await level(db)).toBe(2);

    await expect(
      relaxedTransaction(db, async (tx) => {
        await tx.run(sql`INSERT INTO t VALUES ('rolled back')`);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await level(db)).toBe(2);
    await db.transaction(async (tx) => {
      expect(await level(tx)).toBe(2);
    });
    expect((await db.all(sql`SELECT v FROM t`)).map((r) => (r as { v: string }).v)).toEqual(["relaxed"]);
    db.$client.close();
  });
});
