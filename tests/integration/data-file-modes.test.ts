/** The embedded database holds password hashes and encrypted secrets: only the server's user may read it. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("embedded database file modes", () => {
  it("creates the folder 0700 and the database, its WAL and shared-memory files 0600", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rm-modes-")), "data");
    const file = path.join(dir, "app.db");
    const db = createDb(`file:${file}`);
    await db.run(sql`PRAGMA journal_mode = WAL`);
    await db.run(sql`CREATE TABLE t (x)`);
    expect(mode(dir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    db.$client.close();
  });

  it("tightens a database file an older version left readable by everyone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rm-modes-"));
    const file = path.join(dir, "old.db");
    fs.writeFileSync(file, "");
    fs.chmodSync(file, 0o644);
    createDb(`file:${file}`).$client.close();
    expect(mode(file)).toBe(0o600);
  });
});
