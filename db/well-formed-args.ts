/**
 * The last guard before SQLite: no statement argument carries a lone-surrogate escape.
 *
 * The driver itself turns a lone surrogate in a JS string into U+FFFD, but JSON.stringify keeps it
 * as the escape `"\ud800"`. SQLite's JSON functions (json_each over tags, json_extract) decode that
 * escape into bytes that are not UTF-8, and the libSQL driver aborts the whole process when such a
 * value comes back: the server dies on every start that reads it. Inputs are checked at the
 * boundary (lib/validation/untrusted-input.ts); this catches what our own code makes, such as a
 * title cut in the middle of an emoji, whatever the table.
 */
import type { Client, InArgs, InStatement, Transaction } from "@libsql/client";

/** A `\uD800`-`\uDFFF` escape that is not half of a valid pair, and not itself escaped (`\\ud800`). */
const loneSurrogateEscape = new RegExp(
  String.raw`(?<=(?:^|[^\\])(?:\\\\)*)` +
    String.raw`(?:\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2})`,
  "gi",
);
const maybeEscape = /\\u[dD]/;

/** JSON text with every lone-surrogate escape replaced by `\ufffd`; other text unchanged. */
export function repairSurrogateEscapes(text: string): string {
  return maybeEscape.test(text) ? text.replace(loneSurrogateEscape, "\\ufffd") : text;
}

function repairArgs(args: InArgs | undefined): InArgs | undefined {
  if (!args) return args;
  const fix = (v: unknown) => (typeof v === "string" ? repairSurrogateEscapes(v) : v);
  if (Array.isArray(args)) return args.map(fix) as InArgs;
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, fix(v)])) as InArgs;
}

type BatchItem = InStatement | [string, InArgs?];

function repairStatement(stmt: BatchItem): BatchItem {
  if (typeof stmt === "string") return stmt;
  if (Array.isArray(stmt)) return [stmt[0], repairArgs(stmt[1])];
  return stmt.args ? { ...stmt, args: repairArgs(stmt.args) } : stmt;
}

/** Calls that carry statements: their arguments are repaired; everything else passes through. */
function guard<T extends Client | Transaction>(target: T): T {
  return new Proxy(target, {
    get(object, prop) {
      const value = Reflect.get(object, prop, object);
      if (typeof value !== "function") return value;
      if (prop === "execute") {
        return (stmt: InStatement, args?: InArgs) =>
          typeof stmt === "string" && args !== undefined
            ? value.call(object, stmt, repairArgs(args))
            : value.call(object, repairStatement(stmt));
      }
      if (prop === "batch") {
        return (stmts: BatchItem[], ...rest: unknown[]) => value.call(object, stmts.map(repairStatement), ...rest);
      }
      if (prop === "transaction") {
        return async (...a: unknown[]) => guard(await value.apply(object, a));
      }
      return value.bind(object);
    },
  });
}

export function withWellFormedArgs(client: Client): Client {
  return guard(client);
}
