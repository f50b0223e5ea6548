/**
 * Imports a MediaCrawler export from a file on disk, streaming (memory stays bounded by one
 * batch, whatever the file size). Two passes: the first validates every row (bad rows go to the
 * per-row error report, never half into the database; a file that turns out unreadable fails
 * before anything is written) and resolves authors; the second writes the valid rows in batches
 * of `batchSize`, one transaction each, with the run's progress in the same transaction.
 * A batch is written in transactions of `writeSize` rows with a turn of the event loop between
 * them (lib/background/time-slice.ts): the embedded driver is synchronous, and one transaction per
 * 2,000-row batch held the server for 0.3-1 s at a time (2.7 s at worst) during a 26 MB import;
 * a write costs ~0.4 ms of CPU per row, so 60-row parts take ~20-30 ms each (p95 ~50 ms measured
 * on a loaded 2-core machine). Notes are sorted by author first, so each part writes one or two
 * subjects with many notes each (ingestSeries has a per-subject cost: unsorted small parts
 * doubled the import's time).
 * Those commits are relaxed (db/commit-durability.ts): a profile showed a fifth of the import's
 * time in the WAL fsync of each commit, on the event loop. Harmless here: the final FULL commit
 * (status done) makes them all durable, and a power cut before it loses a suffix of batches that
 * a re-import (idempotent) writes again.
 * Importing the same file twice changes nothing: notes dedupe by note id, snapshots by (note, taken_at).
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { relaxedTransaction } from "@/db/commit-durability";
import { importRuns, type ImportRun } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { workspaceTimezone } from "@/lib/workspaces/queries";
import { createTimeSlice } from "@/lib/background/time-slice";
import { AppError, toAppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { announceAlerts } from "../alerts/announce-alerts";
import { checkTrendAlerts } from "../alerts/check-trend-alerts";
import { invalidateAnalytics } from "../cache/analytics-cache";
import { getAnalyticsSettings } from "../settings/analytics-settings";
import { recordCollection } from "../ingest/collection-status";
import type { IngestActor } from "../ingest/ingest-subject-data";
import { refreshSubjectNoteRollups } from "../ingest/ingest-series";
import type { MappedComment, MappedCreator, MappedNote } from "./map-rows";
import { inspectExport, type ExportInfo, type RowError } from "./read-export";
import { authorLabel, resolveAuthors, type AssignMode } from "./resolve-authors";
import { keptErrors, mappedRows, scanExport, type MappedRow } from "./scan-export";
import { writeCommentBatch, writeCreatorBatch, writeNoteBatch, type TouchedRanges } from "./write-batches";

export type ImportActor = IngestActor;
/**
 * `file`: the export on disk (an upload streamed by withUploadedFile, or a local file).
 * `onProgress`: called every 10,000 validated rows and after each written batch (the bench samples memory there).
 */
export type ImportOptions = {
  file: string;
  fileName: string;
  assign: AssignMode;
  runId?: string;
  batchSize?: number;
  now?: Date;
  onProgress?: (p: { phase: "validate" | "write"; rows: number }) => void;
};

/** Rows per write transaction: one or two subjects' worth of notes, a few tens of milliseconds. */
const writeSize = 60;

const runIdPattern = /^imp_[A-Za-z0-9_-]{8,40}$/;

export async function runImport(db: Db, ctx: ImportActor, o: ImportOptions): Promise<ImportRun> {
  if (o.runId && !runIdPattern.test(o.runId))
    throw new AppError("VALIDATION_FAILED", { fieldErrors: { runId: ["imp_ followed by 8-40 letters/digits"] } });
  if (o.runId) await assertRunIdUnused(db, ctx.workspaceId, o.runId);
  const info = await inspectExport(o.file);
  const runId = o.runId ?? newId("imp");
  const fileName = o.fileName.slice(0, 200) || "import";
  // The run exists from here on, so the progress bar has something to poll during validation.
  await db
    .insert(importRuns)
    .values({ id: runId, workspaceId: ctx.workspaceId, kind: info.kind, fileName, status: "running", totalRows: 0, createdBy: ctx.userId });
  try {
    return await importRows(db, ctx, o, info, runId, fileName);
  } catch (error) {
    const e = toAppError(error);
    const why = e.code === "INTERNAL" ? e.code : `${e.code}${e.message !== e.code ? `: ${e.message}` : ""}`;
    await db
      .update(importRuns)
      .set({ status: "failed", errors: [{ row: 0, message: why.slice(0, 500) }], errorCount: 1, finishedAt: new Date() })
      .where(eq(importRuns.id, runId));
    throw error;
  }
}

async function importRows(
  db: Db,
  ctx: ImportActor,
  o: ImportOptions,
  info: ExportInfo,
  runId: string,
  fileName: string,
): Promise<ImportRun> {
  const now = o.now ?? new Date();
  const batchSize = o.batchSize ?? 2000;
  const slice = createTimeSlice();
  const [settings, timezone] = await Promise.all([getAnalyticsSettings(db, ctx.workspaceId), workspaceTimezone(db, ctx.workspaceId)]);

  const scan = await scanExport(o.file, info, async (rows) => o.onProgress?.({ phase: "validate", rows }));
  let owners = new Map<string, { id: string; name: string } | undefined>();
  if (info.kind === "notes") {
    owners = await db.transaction((tx) =>
      resolveAuthors(
        tx,
        ctx,
        [...scan.authors.values()].map((a) => a.key),
        o.assign,
        true,
      ),
    );
    if (o.assign.mode === "competitor" && ![...owners.values()].some(Boolean) && scan.validRows)
      throw new AppError("NOT_FOUND", { detail: "competitor" });
  }
  await db.update(importRuns).set({ totalRows: scan.totalRows, processedRows: scan.errorRows }).where(eq(importRuns.id, runId));

  const touched = new Set<string>();
  const noteRanges: TouchedRanges = new Map();
  const lateErrors: RowError[] = []; // valid rows that cannot be written (no competitor for the author)
  let imported = 0;
  let processed = scan.errorRows;
  let batch: MappedRow[] = [];
  const writePart = (rows: MappedRow[]) =>
    relaxedTransaction(db, async (tx) => {
      let count = 0;
      if (info.kind === "notes") {
        const r = await writeNoteBatch(
          tx,
          { workspaceId: ctx.workspaceId, timezone, settings, now },
          rows as MappedNote[],
          owners,
          lateErrors,
          noteRanges,
        );
        r.subjects.forEach((s) => touched.add(s));
        count = r.imported;
      } else if (info.kind === "comments") count = await writeCommentBatch(tx, ctx.workspaceId, rows as MappedComment[]);
      else {
        const r = await writeCreatorBatch(tx, ctx, { timezone, settings, now }, rows as MappedCreator[]);
        r.subjects.forEach((s) => touched.add(s));
        count = r.imported;
      }
      await tx
        .update(importRuns)
        .set({ processedRows: processed + rows.length, importedRows: imported + count })
        .where(eq(importRuns.id, runId));
      return count;
    });
  const flush = async () => {
    if (!batch.length) return;
    const rows = info.kind === "notes" ? byAuthor(batch as MappedNote[]) : batch;
    batch = [];
    for (let i = 0; i < rows.length; i += writeSize) {
      const part = rows.slice(i, i + writeSize);
      imported += await writePart(part);
      processed += part.length;
      await slice.yieldNow();
    }
    o.onProgress?.({ phase: "write", rows: processed });
  };
  for await (const mapped of mappedRows(o.file, info)) {
    if (!mapped.ok) continue; // reported by the first pass
    batch.push(mapped.value);
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  const errors = [...scan.errors, ...lateErrors.slice(0, keptErrors)].sort((a, b) => a.row - b.row).slice(0, keptErrors);
  const errorCount = scan.errorCount + lateErrors.length;
  // One transaction per subject: a re-run of a failed import refreshes them all again.
  for (const [subjectId, range] of noteRanges) {
    await db.transaction(async (tx) => {
      await refreshSubjectNoteRollups(
        tx,
        { workspaceId: ctx.workspaceId, timezone, subjectType: "competitor", subjectId, authorName: range.name, settings },
        range,
        now,
      );
      await recordCollection(tx, {
        workspaceId: ctx.workspaceId,
        source: "mediacrawler",
        subjectKey: subjectId,
        ok: true,
        items: range.rows,
      });
    });
    await slice.yieldNow();
  }
  const [run] = await db.transaction(async (tx) => {
    const done = await tx
      .update(importRuns)
      .set({
        status: "done",
        processedRows: processed,
        importedRows: imported,
        skippedRows: scan.errorRows + new Set(lateErrors.map((e) => e.row)).size,
        errors,
        errorCount,
        finishedAt: new Date(),
      })
      .where(eq(importRuns.id, runId))
      .returning();
    await recordAudit(tx, ctx, {
      action: "competitors.import",
      targetType: "import_run",
      targetId: runId,
      after: { fileName, kind: info.kind, encoding: info.encoding, imported, errors: errorCount },
    });
    return done;
  });
  await invalidateAnalytics(ctx.workspaceId);
  // Trend alerts describe this week: announce them. Viral alerts of a backfill are history and stay in-app.
  const trend: string[] = [];
  for (const subjectId of touched)
    trend.push(...(await checkTrendAlerts(db, { workspaceId: ctx.workspaceId, timezone, subjectType: "competitor", subjectId }, now)));
  await announceAlerts(db, ctx.workspaceId, trend);
  return run;
}

/** A client-chosen run id: one of ours already used is a conflict; another workspace's is not ours to know of. */
async function assertRunIdUnused(db: Db, workspaceId: string, runId: string): Promise<void> {
  const [row] = await db.select({ workspaceId: importRuns.workspaceId }).from(importRuns).where(eq(importRuns.id, runId)).limit(1);
  if (!row) return;
  if (row.workspaceId !== workspaceId) throw new AppError("NOT_FOUND", { fieldErrors: { runId: ["unknown import id"] } });
  throw new AppError("CONFLICT", { fieldErrors: { runId: ["This import id was already used"] } });
}

/** Stable: rows of one author keep their file order (a repeated note's later reading still wins). */
function byAuthor(rows: MappedNote[]): MappedNote[] {
  const keyed = rows.map((r, i) => ({ r, i, k: authorLabel(r.author) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  return keyed.map((x) => x.r);
}

export async function getImportRun(db: Db, workspaceId: string, id: string): Promise<ImportRun | null> {
  const [row] = await db.select().from(importRuns).where(eq(importRuns.id, id)).limit(1);
  return row && row.workspaceId === workspaceId ? row : null;
}
