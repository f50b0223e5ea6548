/** MediaCrawler exports in their real format: CSV (UTF-8 BOM and GBK), JSON, comments, creators, bad rows, twice. */
import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/competitor-imports/route";
import * as previewRoute from "@/app/api/v1/competitor-imports/preview/route";
import * as runRoute from "@/app/api/v1/competitor-imports/[id]/route";
import type { Db } from "@/db/client";
import { competitors, noteComments, noteSnapshots, profileSnapshots, subjectDaily, trackedNotes } from "@/db/schema";
import { listCollectionStatus } from "@/lib/competitors/ingest/collection-status";
import { runImport } from "@/lib/competitors/import/run-import";
import { previewImport } from "@/lib/competitors/import/preview-import";
import { getEnv } from "@/lib/env";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const fixture = (name: string) => path.join(process.cwd(), "tests/fixtures/mediacrawler", name);
const assign = { mode: "by_author" as const, createMissing: true };

describe("MediaCrawler import", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  const counts = async () => ({
    notes: (await db.select({ n: count() }).from(trackedNotes))[0].n,
    snapshots: (await db.select({ n: count() }).from(noteSnapshots))[0].n,
    competitors: (await db.select({ n: count() }).from(competitors))[0].n,
  });

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
  });

  it("previews the mapping, sample and authors without storing anything", async () => {
    const preview = await previewImport(db, ws.workspaceId, fixture("xhs_notes.csv"));
    expect(preview).toMatchObject({ kind: "notes", format: "csv", encoding: "utf-8", totalRows: 4, validRows: 4, errorCount: 0 });
    expect(preview.mapping).toContainEqual({ source: "liked_count", target: "likes" });
    expect(preview.sample[0]).toMatchObject({
      noteId: "6740a1b2000000001a01e001",
      likes: 17_000,
      collects: 3_201,
      imagesCount: 3,
      topics: ["粉底液", "平价彩妆"],
    });
    expect(preview.authors.map((a) => [a.label, a.rows, a.competitorId])).toEqual([
      ["完美日记", 2, null],
      ["花西子", 2, null],
    ]);
    expect(await counts()).toEqual({ notes: 0, snapshots: 0, competitors: 0 });
  });

  it("imports notes, creating competitors by author, and is idempotent the second time", async () => {
    const first = await runImport(db, ws.admin, { file: fixture("xhs_notes.csv"), fileName: "xhs_notes.csv", assign, batchSize: 3 });
    expect(first).toMatchObject({ status: "done", importedRows: 4, errorCount: 0, processedRows: 4 });
    const after = await counts();
    expect(after).toEqual({ notes: 4, snapshots: 4, competitors: 2 });
    const statuses = await listCollectionStatus(db, ws.workspaceId);
    expect(statuses.map((s) => [s.source, s.status, s.itemsCollected]).sort()).toEqual([
      ["mediacrawler", "ok", 2],
      ["mediacrawler", "ok", 2],
    ]);
    const [viral] = await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "6740a1b2000000001a01e002"));
    expect(viral).toMatchObject({ likes: 100_000, collects: 23_000, comments: 1_024, type: "video", authorName: "完美日记" });

    const second = await runImport(db, ws.admin, { file: fixture("xhs_notes.csv"), fileName: "xhs_notes.csv", assign });
    expect(second.importedRows).toBe(4);
    expect(await counts()).toEqual(after);
    const [rolled] = await db.select({ e: sql<number>`sum(engagement)`, n: sql<number>`sum(notes_published)` }).from(subjectDaily);
    const [raw] = await db.select({ e: sql<number>`sum(engagement)`, n: count() }).from(trackedNotes);
    expect(rolled).toEqual({ e: raw.e, n: raw.n });
  });

  it("reads the JSON export as the same notes (no duplicates)", async () => {
    const before = await counts();
    const run = await runImport(db, ws.admin, { file: fixture("xhs_notes.json"), fileName: "xhs_notes.json", assign });
    expect(run).toMatchObject({ status: "done", importedRows: 4, errorCount: 0 });
    expect(await counts()).toEqual(before);
  });

  it("detects a GBK file from Excel and decodes its Chinese text", async () => {
    const preview = await previewImport(db, ws.workspaceId, fixture("xhs_notes_gbk.csv"));
    expect(preview.encoding).toBe("gbk");
    const run = await runImport(db, ws.admin, { file: fixture("xhs_notes_gbk.csv"), fileName: "gbk.csv", assign });
    expect(run.importedRows).toBe(3);
    const [note] = await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "6740a1b2000000001a01e101"));
    expect(note.title).toBe("秋冬平价粉底液测评|油皮亲妈");
    expect(note.authorName).toBe("完美日记");
  });

  it("reports each bad row by line and column, importing only the good ones", async () => {
    const run = await runImport(db, ws.admin, { file: fixture("xhs_notes_bad_rows.csv"), fileName: "bad.csv", assign });
    expect(run.importedRows).toBe(1);
    expect(run.skippedRows).toBe(4);
    const byRow = Object.fromEntries(run.errors.map((e) => [e.row, e]));
    expect(byRow[2]).toMatchObject({ field: "liked_count", message: expect.stringContaining("Counts cannot be negative") });
    expect(byRow[3]).toMatchObject({ field: "time", message: expect.stringContaining("日期在未来") });
    expect(byRow[4]).toMatchObject({ field: "liked_count", message: expect.stringContaining('Not a count: "很多"') });
    expect(byRow[6].message).toMatch(/Expected 17 columns, found 5/);
    const stored = (await db.select({ id: trackedNotes.noteId }).from(trackedNotes)).map((r) => r.id);
    expect(stored).toContain("6740a1b2000000001a01e205");
    expect(stored).not.toContain("6740a1b2000000001a01e201");
  });

  it("refuses a file with wrong columns as a whole, naming what is missing", async () => {
    const before = await counts();
    await expect(runImport(db, ws.admin, { file: fixture("wrong_columns.csv"), fileName: "x.csv", assign })).rejects.toMatchObject({
      code: "IMPORT_UNREADABLE",
      fieldErrors: { file: [expect.stringContaining("note_id")] },
    });
    expect(await counts()).toEqual(before);
  });

  it("imports comments and creators (profile snapshots), twice without duplicates", async () => {
    for (let i = 0; i < 2; i++) {
      await runImport(db, ws.admin, { file: fixture("xhs_comments.csv"), fileName: "c.csv", assign });
      await runImport(db, ws.admin, { file: fixture("xhs_creators.csv"), fileName: "k.csv", assign });
    }
    const comments = await db.select().from(noteComments).orderBy(noteComments.commentId);
    expect(comments.map((c) => [c.commentId, c.likes, c.parentCommentId])).toEqual([
      ["c001", 12_000, null],
      ["c002", 35, "c001"],
    ]);
    const [creator] = await db.select().from(competitors).where(eq(competitors.redUserId, "5ff0e6410000000001008400"));
    const snaps = await db.select().from(profileSnapshots).where(eq(profileSnapshots.subjectId, creator.id));
    expect(snaps.map((s) => [s.followers, s.likesAndCollects])).toEqual([[17_000, 100_000]]);
  });

  it("works over HTTP with a token: preview, import with a run id, progress, 50 MB limit, permission", async () => {
    const op = await memberWithToken(db, ws.admin, "operator");
    const guest = await memberWithToken(db, ws.admin, "guest");
    const body = fs.readFileSync(fixture("xhs_notes.csv"), "utf8");
    const headers = { "content-type": "text/csv" };
    const preview = await callRoute(previewRoute.POST, "/x", {
      method: "POST",
      token: op.token,
      rawBody: body,
      headers,
      search: { fileName: "a.csv" },
    });
    expect(preview.status).toBe(200);
    const runId = "imp_testrun123456";
    const created = await callRoute(importRoute.POST, "/x", {
      method: "POST",
      token: op.token,
      rawBody: body,
      headers,
      search: { fileName: "a.csv", runId },
    });
    expect(created.status).toBe(201);
    const progress = await callRoute(runRoute.GET, "/x", { token: guest.token, params: { id: runId } });
    expect(progress.json.run).toMatchObject({ status: "done", processedRows: 4, totalRows: 4 });
    const denied = await callRoute(importRoute.POST, "/x", { method: "POST", token: guest.token, rawBody: body, headers });
    expect(denied.status).toBe(403);
    const huge = await callRoute(importRoute.POST, "/x", {
      method: "POST",
      token: op.token,
      rawBody: "x",
      headers: { ...headers, "content-length": String(51 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("IMPORT_TOO_LARGE");
    // Without a declared length the stream is cut off at 50 MB; no temp file is left behind.
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 1;
        c.enqueue(chunk);
      },
    });
    const cut = await importRoute.POST(
      new NextRequest("http://localhost:3000/x", {
        method: "POST",
        body: endless,
        headers: { authorization: `Bearer ${op.token}`, "content-type": "text/csv" },
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]),
      { params: Promise.resolve({}) },
    );
    expect(cut.status).toBe(413);
    expect(sent).toBeLessThan(60);
    expect(fs.readdirSync(path.join(getEnv().dataDir, "tmp", "imports"))).toEqual([]);
  });

  it("streams a large JSON array: every element imported, the temp file removed, a broken array imports nothing", async () => {
    const op = await memberWithToken(db, ws.admin, "operator");
    const item = (i: number) => ({
      note_id: `big${i}`,
      type: "normal",
      title: `第${i}篇 [x]{y}`,
      desc: "正文 #大文件[话题]#",
      time: Date.now() - 86_400_000 - i * 1000,
      liked_count: "12",
      collected_count: "3",
      comment_count: "1",
      share_count: "0",
      nickname: "大文件作者",
    });
    const body = `[${Array.from({ length: 3000 }, (_, i) => JSON.stringify(item(i))).join(",\n")}]`;
    const res = await callRoute(importRoute.POST, "/x", {
      method: "POST",
      token: op.token,
      rawBody: body,
      headers: { "content-type": "application/json" },
      search: { fileName: "big.json" },
    });
    expect(res.status).toBe(201);
    expect(res.json.run).toMatchObject({ status: "done", totalRows: 3000, importedRows: 3000, processedRows: 3000, errorCount: 0 });
    expect(fs.readdirSync(path.join(getEnv().dataDir, "tmp", "imports"))).toEqual([]);

    const before = await counts();
    const broken = body.slice(0, body.length - 200); // cut mid-element, no closing ]
    const failed = await callRoute(importRoute.POST, "/x", {
      method: "POST",
      token: op.token,
      rawBody: broken.replace(/big/g, "cut"),
      headers: { "content-type": "application/json" },
      search: { fileName: "broken.json", runId: "imp_brokenjson1234" },
    });
    expect(failed.status).toBe(422);
    expect(await counts()).toEqual(before);
    const run = await callRoute(runRoute.GET, "/x", { token: op.token, params: { id: "imp_brokenjson1234" } });
    expect(run.json.run).toMatchObject({
      status: "failed",
      importedRows: 0,
      errors: [{ row: 0, message: expect.stringContaining("IMPORT_UNREADABLE") }],
    });
  });
});
