/** What an import would do, before it does it: kind, encoding, column mapping, sample rows, errors, authors. */
import type { DbOrTx } from "@/db/client";
import { columnMapping } from "./mediacrawler-columns";
import { mapCommentRecord, mapCreatorRecord, mapNoteRecord } from "./map-rows";
import { parseExport, type RowError } from "./parse-export";
import { authorLabel, resolveAuthors, type AssignMode } from "./resolve-authors";

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

export async function previewImport(db: DbOrTx, workspaceId: string, bytes: Uint8Array, assign: AssignMode = { mode: "by_author", createMissing: true }): Promise<ImportPreview> {
  const parsed = parseExport(bytes);
  const errors: RowError[] = [...parsed.errors];
  const sample: Record<string, unknown>[] = [];
  const authorRows = new Map<string, { rows: number; key: { userId: string | null; nickname: string | null } }>();
  let valid = 0;
  const mapper = parsed.kind === "notes" ? mapNoteRecord : parsed.kind === "comments" ? mapCommentRecord : mapCreatorRecord;
  for (const record of parsed.records) {
    const mapped = mapper(record);
    if (!mapped.ok) {
      errors.push(...mapped.errors);
      continue;
    }
    valid += 1;
    if (sample.length < 5) sample.push("note" in mapped.value ? mapped.value.note : mapped.value);
    if ("author" in mapped.value) {
      const label = authorLabel(mapped.value.author);
      const entry = authorRows.get(label) ?? { rows: 0, key: mapped.value.author };
      entry.rows += 1;
      authorRows.set(label, entry);
    }
  }
  const resolved = await resolveAuthors(db, { workspaceId, userId: "", userName: "" }, [...authorRows.values()].map((a) => a.key), assign, false);
  errors.sort((a, b) => a.row - b.row);
  return {
    kind: parsed.kind,
    format: parsed.format,
    encoding: parsed.encoding,
    totalRows: parsed.records.length + parsed.errors.length,
    validRows: valid,
    mapping: columnMapping(parsed.kind, parsed.header),
    sample,
    errors: errors.slice(0, 100),
    errorCount: errors.length,
    authors: [...authorRows.entries()].map(([label, a]) => ({ label, rows: a.rows, competitorId: resolved.get(label)?.id ?? null, competitorName: resolved.get(label)?.name ?? null })),
  };
}
