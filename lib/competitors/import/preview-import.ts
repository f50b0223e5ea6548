/** What an import would do, before it does it: kind, encoding, column mapping, sample rows, errors, authors. */
import type { DbOrTx } from "@/db/client";
import { columnMapping } from "./mediacrawler-columns";
import { inspectExport, type RowError } from "./read-export";
import { resolveAuthors, type AssignMode } from "./resolve-authors";
import { scanExport } from "./scan-export";

export type ImportPreview = {
  kind: "notes" | "comments" | "creators";
  format: "csv" | "json";
  encoding: "utf-8" | "gbk";
  totalRows: number;
  validRows: number;
  mapping: { source: string; target: string }[];
  sample: Record<string, unknown>[];
  errors: RowError[];
  errorCount: number;
  authors: { label: string; rows: number; competitorId: string | null; competitorName: string | null }[];
};

/** `file`: the uploaded export on disk (see withUploadedFile); read streaming. */
export async function previewImport(
  db: DbOrTx,
  workspaceId: string,
  file: string,
  assign: AssignMode = { mode: "by_author", createMissing: true },
): Promise<ImportPreview> {
  const info = await inspectExport(file);
  const scan = await scanExport(file, info);
  const resolved = await resolveAuthors(
    db,
    { workspaceId, userId: "", userName: "" },
    [...scan.authors.values()].map((a) => a.key),
    assign,
    false,
  );
  return {
    kind: info.kind,
    format: info.format,
    encoding: info.encoding,
    totalRows: scan.totalRows,
    validRows: scan.validRows,
    mapping: columnMapping(info.kind, info.header),
    sample: scan.sample,
    errors: scan.errors.slice(0, 100),
    errorCount: scan.errorCount,
    authors: [...scan.authors.entries()].map(([label, a]) => ({
      label,
      rows: a.rows,
      competitorId: resolved.get(label)?.id ?? null,
      competitorName: resolved.get(label)?.name ?? null,
    })),
  };
}
