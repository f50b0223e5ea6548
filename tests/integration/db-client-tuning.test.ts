/** The embedded file's read tuning (db/client.ts): every call, a transaction's too, runs with the larger page cache and the memory map. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb, fileCacheKiB, fileMmapBytes } from "@/db/client";

describe("embedded file tuning", () => {
  it("sets cache_size and mmap_size before the first query, and they hold inside transactions", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redmatrix-tuning-"));
    const db = createDb(`file:${path.join(dir, "t.db")}`);
    expect(await db.all(sql`PRAGMA cache_size`)).toEqual([{ cache_size: -fileCacheKiB }]);
    expect(await db.all(sql`PRAGMA mmap_size`)).toEqual([{ mmap_size: fileMmapBytes }]);
    await db.transaction(async (tx) => {
      expect(await tx.all(sql`PRAGMA cache_size`)).toEqual([{ cache_size: -fileCacheKiB }]);
    });
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
