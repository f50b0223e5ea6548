/**
 * A `filter` as callers send it -> a checked FilterNode: a JSON object (request bodies), or a
 * string (query strings, or bodies written by hand) holding either that JSON (starts with `{`)
 * or the compact form. Blank means no filter. Parsing an already parsed node again returns an
 * equal node, so schemas that run twice (route, then lib) are harmless.
 */
import { AppError } from "@/lib/errors/app-error";
import { checkFilterAst, tooComplex } from "./check-filter-ast";
import { filterLimits, type FilterNode } from "./filter-ast";
import { parseFilterString } from "./parse-filter-string";

export function parseMemoryFilter(input: unknown): FilterNode | undefined {
  if (typeof input !== "string") return checkFilterAst(input);
  const text = input.trim();
  if (!text) return undefined;
  if (!text.startsWith("{")) return parseFilterString(text);
  if (text.length > filterLimits.maxChars) throw tooComplex();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8 says "... in JSON at position 12" or "Unexpected end of JSON input"; positions count from 1 here.
    const message = String((error as Error).message);
    const at = /position (\d+)/.exec(message);
    const index = at ? Number(at[1]) : /end of JSON/.test(message) ? text.length : 0;
    if (index >= text.length) throw new AppError("MEMORY_FILTER_INCOMPLETE", { details: { expected: "JSON" } });
    const found = Array.from(text.slice(index, index + 30).toWellFormed())
      .slice(0, 10)
      .join("");
    throw new AppError("MEMORY_FILTER_SYNTAX", {
      details: { position: Array.from(text.slice(0, index)).length + 1, found, expected: "JSON" },
    });
  }
  return checkFilterAst(json);
}
