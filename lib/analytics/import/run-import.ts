/**
 * Imports a MediaCrawler export: rows are validated first (bad rows go to the per-row error
 * report, never half into the database), then written in batches of `batchSize`, one
 * transaction each, with the run's progress updated in the same transaction. Importing the same
 * file twice changes nothing: notes dedupe by note id, snapshots by (note, taken_at).
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importRuns, type ImportRun } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { workspaceTimezone } from "@/lib/competitors/ingest-competitor-data";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { announceAlerts } from "../alerts/announce-alerts";
import { checkTrendAlerts } from "../alerts/check-trend-alerts";
import { invalidateAnalytics } from "../analytics-cache";
import { getAnalyticsSettings } from "../analytics-settings";
import { maxImportBytes } from "./decode-file";
import { recordCollection } from "../collection-status";
import { refreshSubjectNoteRollups } from "../ingest/ingest-series";
import { writeCommentBatch, writeCreatorBatch, writeNoteBatch, type TouchedRanges } from "./write-batches";
import { mapCommentRecord, mapCreatorRecord, mapNoteRecord, type MappedComment, type MappedCreator, type MappedNote } from "./map-rows";
import { parseExport, type RowError } from "./parse-export";
import { resolveAuthors, type AssignMode } from "./resolve-authors";

export type ImportActor = Pick<WorkspaceContext, "workspaceId" | "userId" | "userName" | "ip" | "requestId">;
export type ImportOptions = { bytes: Uint8Array; fileName: string; assign: AssignMode; runId?: string; batchSize?: number; now?: Date };

const runIdPattern = /^imp_[A-Za-z0-9_-]{8,40}$/;

export async function runImport(db: Db, ctx: ImportActor, o: ImportOptions): Promise<ImportRun> {
  if (o.bytes.byteLength > maxImportBytes) throw new AppError("IMPORT_TOO_LARGE");
  if (o.runId && !runIdPattern.test(o.runId)) throw new AppError("VALIDATION_FAILED", { fieldErrors: { runId: ["imp_ followed by 8-40 letters/digits"] } });
  if (o.runId && (await getImportRun(db, ctx.workspaceId, o.runId))) throw new AppError("CONFLICT", { fieldErrors: { runId: ["This import id was already used"] } });
  const parsed = parseExport(o.bytes);
  const now = o.now ?? new Date();
  const batchSize = o.batchSize ?? 2000;
  const errors: RowError[] = [...parsed.errors];
  const runId = o.runId ?? newId("imp");
  const fileName = o.fileName.slice(0, 200) || "import";

  const [settings, timezone] = await Promise.all([getAnalyticsSettings(db, ctx.workspaceId), workspaceTimezone(db, ctx.workspaceId)]);
  const touched = new Set<string>();
  const noteRanges: TouchedRanges = new Map();
  let imported = 0;
  let processed = parsed.errors.length;

  const valid: (MappedNote | MappedComment | MappedCreator)[] = [];
  const mapper = parsed.kind === "notes" ? mapNoteRecord : parsed.kind === "comments" ? mapCommentRecord : mapCreatorRecord;
  for (const record of parsed.records) {
    const mapped = mapper(record);
    if (mapped.ok) valid.push(mapped.value);
    else {
      errors.push(...mapped.errors);
      processed += 1;
    }
  }

  let owners = new Map<string, { id: string; name: string } | undefined>();
  if (parsed.kind === "notes") {
    const notes = valid as MappedNote[];
    owners = await db.transaction((tx) => resolveAuthors(tx, ctx, notes.map((n) => n.author), o.assign, true));
    if (o.assign.mode === "competitor" && ![...owners.values()].some(Boolean) && notes.length) throw new AppError("NOT_FOUND", { detail: "competitor" });
  }

  await db.insert(importRuns).values({ id: runId, workspaceId: ctx.workspaceId, kind: parsed.kind, fileName, status: "running", totalRows: parsed.records.length + parsed.errors.length, createdBy: ctx.userId });

  for (let i = 0; i < valid.length; i += batchSize) {
    const batch = valid.slice(i, i + batchSize);
    const written = await db.transaction(async (tx) => {
      let count = 0;
      if (parsed.kind === "notes") {
        const r = await writeNoteBatch(tx, { workspaceId: ctx.workspaceId, timezone, settings, now }, batch as MappedNote[], owners, errors, noteRanges);
        r.subjects.forEach((s) => touched.add(s));
        count = r.imported;
      } else if (parsed.kind === "comments") count = await writeCommentBatch(tx, ctx.workspaceId, batch as MappedComment[]);
      else {
        const r = await writeCreatorBatch(tx, ctx, { timezone, settings, now }, batch as MappedCreator[]);
        r.subjects.forEach((s) => touched.add(s));
        count = r.imported;
      }
      await tx.update(importRuns).set({ processedRows: processed + i + batch.length, importedRows: imported + count }).where(eq(importRuns.id, runId));
      return count;
    });
    imported += written;
  }

  errors.sort((a, b) => a.row - b.row);
  const [run] = await db.transaction(async (tx) => {
    for (const [subjectId, range] of noteRanges) {
      await refreshSubjectNoteRollups(tx, { workspaceId: ctx.workspaceId, timezone, subjectType: "competitor", subjectId, authorName: range.name, settings }, range, now);
      await recordCollection(tx, { workspaceId: ctx.workspaceId, source: "mediacrawler", subjectKey: subjectId, ok: true, items: range.rows });
    }
    const done = await tx
      .update(importRuns)
      .set({ status: "done", processedRows: processed + valid.length, importedRows: imported, skippedRows: new Set(errors.map((e) => e.row)).size, errors: errors.slice(0, 500), errorCount: errors.length, finishedAt: new Date() })
      .where(eq(importRuns.id, runId))
      .returning();
    await recordAudit(tx, ctx, { action: "competitors.import", targetType: "import_run", targetId: runId, after: { fileName, kind: parsed.kind, encoding: parsed.encoding, imported, errors: errors.length } });
    return done;
  });
  await invalidateAnalytics(ctx.workspaceId);
  // Trend alerts describe this week: announce them. Viral alerts of a backfill are history and stay in-app.
  const trend: string[] = [];
  for (const subjectId of touched) trend.push(...(await checkTrendAlerts(db, { workspaceId: ctx.workspaceId, timezone, subjectType: "competitor", subjectId }, now)));
  await announceAlerts(db, ctx.workspaceId, trend);
  return run;
}

export async function getImportRun(db: Db, workspaceId: string, id: string): Promise<ImportRun | null> {
  const [row] = await db.select().from(importRuns).where(eq(importRuns.id, id)).limit(1);
  return row && row.workspaceId === workspaceId ? row : null;
}
