/**
 * Splits a JSON array arriving in text chunks into the source text of its elements, without
 * holding the whole array: a small scanner tracks nesting and strings. One element may be at
 * most `maxElementChars` (a MediaCrawler note is a few KB). Malformed framing is refused.
 */
import { AppError } from "@/lib/errors/app-error";

const unreadable = (why: string) => new AppError("IMPORT_UNREADABLE", { detail: `invalid JSON: ${why}` });
const isSpace = (c: string) => c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\uFEFF";

export async function* jsonArrayElements(chunks: AsyncIterable<string>, maxElementChars = 1_000_000): AsyncGenerator<string> {
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let inElement = false;
  let buf = "";
  for await (const chunk of chunks) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (!started) {
        if (c === "[") [started, depth] = [true, 1];
        else if (!isSpace(c)) throw unreadable("expected [");
        continue;
      }
      if (ended) {
        if (!isSpace(c)) throw unreadable("data after the closing ]");
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (depth === 1 && !inElement) {
        if (isSpace(c) || c === ",") continue;
        if (c === "]") {
          [ended, depth] = [true, 0];
          continue;
        }
        [inElement, from, buf] = [true, i, ""];
      }
      if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth += 1;
      else if (c === "}" || c === "]") {
        depth -= 1;
        if (depth === 1) {
          yield buf + chunk.slice(from, i + 1);
          [inElement, buf] = [false, ""];
        } else if (depth === 0) {
          // "]" closing the array right after a scalar element.
          yield buf + chunk.slice(from, i);
          [inElement, buf, ended] = [false, "", true];
        }
      } else if (c === "," && depth === 1) {
        yield buf + chunk.slice(from, i);
        [inElement, buf] = [false, ""];
      }
    }
    if (inElement) {
      buf += chunk.slice(from);
      if (buf.length > maxElementChars) throw unreadable(`an element is larger than ${maxElementChars} characters`);
    }
  }
  if (!started) throw unreadable("expected [");
  if (!ended) throw unreadable("the array is not closed");
}
