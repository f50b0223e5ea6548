/**
 * Parses a MediaCrawler export (CSV or JSON array / JSON lines) into header + records with their
 * line numbers. Rows the CSV parser cannot read (broken quotes, wrong column count) become row
 * errors, never a crash; a file without a recognisable header is refused as a whole.
 */
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors/app-error";
import { decodeFile, type DecodedFile } from "./decode-file";
import { detectKind, type ExportKind } from "./mediacrawler-columns";

export type RowError = { row: number; field?: string; message: string };
export type RawRecord = { row: number; values: Record<string, unknown> };
export type ParsedExport = { kind: ExportKind; format: "csv" | "json"; encoding: DecodedFile["encoding"]; header: string[]; records: RawRecord[]; errors: RowError[] };

function parseCsv(text: string): { header: string[]; records: RawRecord[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (err) => {
      errors.push({ row: Number(err?.lines ?? 0), message: `无法读取的 CSV 行 / Unreadable CSV row: ${err?.message ?? "parse error"}` });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (!rows.length) return { header: [], records: [], errors };
  const header = rows[0].record.map((h) => h.trim());
  const records: RawRecord[] = [];
  for (const { record, info } of rows.slice(1)) {
    if (record.length !== header.length) {
      errors.push({ row: info.lines, message: `应有 ${header.length} 列，实际 ${record.length} 列 / Expected ${header.length} columns, found ${record.length}` });
      continue;
    }
    records.push({ row: info.lines, values: Object.fromEntries(header.map((h, i) => [h, record[i]])) });
  }
  return { header, records, errors };
}

function parseJson(text: string): { header: string[]; records: RawRecord[]; errors: RowError[] } {
  const trimmed = text.trim();
  let items: unknown[];
  try {
    items = trimmed.startsWith("[") ? (JSON.parse(trimmed) as unknown[]) : trimmed.split(/\r?\n/).filter(Boolean).map((line) => JSON.parse(line) as unknown);
  } catch (error) {
    throw new AppError("IMPORT_UNREADABLE", { detail: `invalid JSON: ${(error as Error).message}` });
  }
  const errors: RowError[] = [];
  const records: RawRecord[] = [];
  items.forEach((item, i) => {
    if (item && typeof item === "object" && !Array.isArray(item)) records.push({ row: i + 1, values: item as Record<string, unknown> });
    else errors.push({ row: i + 1, message: "Not an object" });
  });
  const header = [...new Set(records.slice(0, 50).flatMap((r) => Object.keys(r.values)))];
  return { header, records, errors };
}

export function parseExport(bytes: Uint8Array): ParsedExport {
  const decoded = decodeFile(bytes);
  const first = decoded.text.trimStart()[0];
  const format = first === "[" || first === "{" ? "json" : "csv";
  const parsed = format === "json" ? parseJson(decoded.text) : parseCsv(decoded.text);
  const detected = detectKind(parsed.header);
  if (detected.kind === null) {
    throw new AppError("IMPORT_UNREADABLE", { fieldErrors: { file: [`Missing columns for a ${detected.closest} export: ${detected.missing.join(", ")}`] } });
  }
  return { kind: detected.kind, format, encoding: decoded.encoding, header: parsed.header, records: parsed.records, errors: parsed.errors };
}
