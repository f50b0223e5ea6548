/**
 * Reads a MediaCrawler export file as a stream of records (CSV through csv-parse's streaming
 * parser; a JSON array element by element; JSON lines line by line), so memory stays bounded
 * whatever the file size. First `inspectExport` finds the encoding (UTF-8, else GBK as Excel on
 * Chinese Windows writes it), the format and the header, and refuses a file without a
 * recognisable header. Unreadable rows become row errors, never a crash.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { AppError } from "@/lib/errors/app-error";
import { repairText } from "@/lib/validation/untrusted-input";
import { jsonArrayElements } from "./json-array-elements";
import { detectKind, type ExportKind } from "./mediacrawler-columns";

export type RowError = { row: number; field?: string; message: string };
export type RawRecord = { row: number; values: Record<string, unknown> };
export type ExportRow = { record: RawRecord } | { error: RowError };
export type ExportInfo = { kind: ExportKind; format: "csv" | "json"; encoding: "utf-8" | "gbk"; bom: boolean; header: string[] };

const chunkSize = 256 * 1024;

/** One streaming pass: valid UTF-8 all the way (BOM or not), or GBK. */
async function detectEncoding(file: string): Promise<{ encoding: "utf-8" | "gbk"; bom: boolean }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bom: boolean | null = null;
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>) {
      bom ??= chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return { encoding: "utf-8", bom: bom ?? false };
  } catch {
    return { encoding: "gbk", bom: false };
  }
}

async function* decodedText(file: string, enc: { encoding: string; bom: boolean }): AsyncGenerator<string> {
  const decoder = new TextDecoder(enc.encoding);
  for await (const chunk of fs.createReadStream(file, { start: enc.bom ? 3 : 0, highWaterMark: chunkSize }) as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* lines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = "";
  for await (const chunk of text) {
    const parts = (carry + chunk).split(/\r?\n/);
    carry = parts.pop() ?? "";
    yield* parts;
  }
  if (carry) yield carry;
}

/** A parsed JSON row; lone surrogates (a `\ud800` escape in the file) become U+FFFD: nobody can retype a file. */
const objectRow = (item: unknown, row: number): ExportRow =>
  item && typeof item === "object" && !Array.isArray(item)
    ? { record: { row, values: repairText(item as Record<string, unknown>) } }
    : { error: { row, message: "Not an object" } };

async function* jsonRows(text: AsyncIterable<string>, isArray: boolean): AsyncGenerator<ExportRow> {
  let row = 0;
  if (isArray) {
    for await (const element of jsonArrayElements(text)) {
      row += 1;
      try {
        yield objectRow(JSON.parse(element), row);
      } catch (error) {
        throw new AppError("IMPORT_UNREADABLE", { detail: `invalid JSON in element ${row}: ${(error as Error).message}` });
      }
    }
    return;
  }
  for await (const line of lines(text)) {
    if (!line.trim()) continue;
    row += 1;
    try {
      yield objectRow(JSON.parse(line), row);
    } catch {
      yield { error: { row, message: "无法读取的 JSON 行 / Unreadable JSON line" } };
    }
  }
}

/** CSV rows after the header (which comes first, as `{ header }`). Parser skips arrive as row errors. */
async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<ExportRow | { header: string[] }> {
  const skipped: RowError[] = [];
  const parser = Readable.from(text).pipe(
    parse({
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (err) => {
        skipped.push({ row: Number(err?.lines ?? 0), message: `无法读取的 CSV 行 / Unreadable CSV row: ${err?.message ?? "parse error"}` });
        return undefined;
      },
    }),
  );
  let header: string[] | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length) yield { error: skipped.shift()! };
    if (!header) {
      header = record.map((h) => h.trim());
      yield { header };
      continue;
    }
    if (record.length !== header.length) {
      yield {
        error: {
          row: info.lines,
          message: `应有 ${header.length} 列，实际 ${record.length} 列 / Expected ${header.length} columns, found ${record.length}`,
        },
      };
      continue;
    }
    yield { record: { row: info.lines, values: Object.fromEntries(header.map((h, i) => [h, record[i]])) } };
  }
  while (skipped.length) yield { error: skipped.shift()! };
}

async function firstChar(file: string, enc: { encoding: string; bom: boolean }): Promise<string> {
  for await (const text of decodedText(file, enc)) {
    const c = text.trimStart()[0];
    if (c) return c;
  }
  return "";
}

/** The file's records (and row errors) in order, streaming. */
export async function* exportRows(file: string, info: Pick<ExportInfo, "format" | "encoding" | "bom">): AsyncGenerator<ExportRow> {
  if (info.format === "json") {
    yield* jsonRows(decodedText(file, info), (await firstChar(file, info)) === "[");
    return;
  }
  for await (const item of csvRows(decodedText(file, info))) if (!("header" in item)) yield item;
}

export async function inspectExport(file: string): Promise<ExportInfo> {
  const enc = await detectEncoding(file);
  const first = await firstChar(file, enc);
  const format = first === "[" || first === "{" ? "json" : "csv";
  let header: string[] = [];
  if (format === "csv") {
    for await (const item of csvRows(decodedText(file, enc))) {
      if ("header" in item) header = item.header;
      break;
    }
  } else {
    // JSON has no header: the keys of the first 50 objects stand in for it.
    const keys = new Set<string>();
    let seen = 0;
    for await (const item of exportRows(file, { format, ...enc })) {
      if ("record" in item) Object.keys(item.record.values).forEach((k) => keys.add(k));
      if (++seen >= 50) break;
    }
    header = [...keys];
  }
  const detected = detectKind(header);
  if (detected.kind === null)
    throw new AppError("IMPORT_UNREADABLE", {
      fieldErrors: { file: [`Missing columns for a ${detected.closest} export: ${detected.missing.join(", ")}`] },
    });
  return { kind: detected.kind, format, ...enc, header };
}
