/**
 * The validation pass over an export (streaming, nothing written): every row mapped and checked,
 * counts, the first errors (all of them counted), a few sample rows and the authors of notes.
 * Both the preview and the import's first pass use it, so they always agree.
 */
import { mapCommentRecord, mapCreatorRecord, mapNoteRecord, type MappedComment, type MappedCreator, type MappedNote } from "./map-rows";
import { exportRows, type ExportInfo, type RowError } from "./read-export";
import { authorLabel, type AuthorKey } from "./resolve-authors";

export const keptErrors = 500;
export type MappedRow = MappedNote | MappedComment | MappedCreator;
export type Mapped = { ok: true; value: MappedRow } | { ok: false; errors: RowError[] };

export type ExportScan = {
  totalRows: number;
  validRows: number;
  /** Rows with at least one error (skipped). */
  errorRows: number;
  errorCount: number;
  /** The first `keptErrors` errors, in row order. */
  errors: RowError[];
  sample: Record<string, unknown>[];
  authors: Map<string, { rows: number; key: AuthorKey }>;
};

export function mapperOf(kind: ExportInfo["kind"]): (r: Parameters<typeof mapNoteRecord>[0]) => Mapped {
  return kind === "notes" ? mapNoteRecord : kind === "comments" ? mapCommentRecord : mapCreatorRecord;
}

/** Each row of the file, mapped: a valid row's value or the row's errors. */
export async function* mappedRows(file: string, info: ExportInfo): AsyncGenerator<Mapped> {
  const mapper = mapperOf(info.kind);
  for await (const item of exportRows(file, info)) yield "error" in item ? { ok: false, errors: [item.error] } : mapper(item.record);
}

export async function scanExport(file: string, info: ExportInfo, onProgress?: (rows: number) => Promise<void>): Promise<ExportScan> {
  const scan: ExportScan = { totalRows: 0, validRows: 0, errorRows: 0, errorCount: 0, errors: [], sample: [], authors: new Map() };
  for await (const mapped of mappedRows(file, info)) {
    scan.totalRows += 1;
    if (!mapped.ok) {
      scan.errorRows += 1;
      scan.errorCount += mapped.errors.length;
      if (scan.errors.length < keptErrors) scan.errors.push(...mapped.errors.slice(0, keptErrors - scan.errors.length));
      continue;
    }
    scan.validRows += 1;
    const value = mapped.value;
    if (scan.sample.length < 5) scan.sample.push("note" in value ? value.note : value);
    if ("author" in value) {
      const label = authorLabel(value.author);
      const entry = scan.authors.get(label) ?? { rows: 0, key: value.author };
      entry.rows += 1;
      scan.authors.set(label, entry);
    }
    if (onProgress && scan.totalRows % 10_000 === 0) await onProgress(scan.totalRows);
  }
  scan.errors.sort((a, b) => a.row - b.row);
  return scan;
}
