/**
 * The compact form of the memory filter language, parsed into the same nodes as the JSON form:
 *
 *   filter := or
 *   or     := and ("OR" and)*
 *   and    := unary (["AND"] unary)*          adjacent conditions are AND-ed
 *   unary  := "NOT" unary | "(" or ")" | term
 *   term   := tag:V | account:S | user:S | agent:S | run:S | tier:long_term|short_term
 *           | after:T | before:T | meta.<key>:M | has:<key>
 *   S      := V | none (no such scope; user:me is the caller)   T := ISO date or instant
 *   M      := V | number | true | false | "[" M ("," M)* "]"     V := bare word | "quoted \" text"
 *
 * Keywords are case-insensitive. A bare value runs to the next space or ")"; quote a value with
 * spaces, brackets or quotes (and a string that looks like a number, a boolean or `none`).
 * Errors carry the 1-based character position and what was expected there. Nesting of brackets
 * and NOTs is capped while parsing, so a hostile string never recurses deeply.
 */
import { AppError } from "@/lib/errors/app-error";
import { canonicalMetaValue, checkFilterAst, expected, isMetaValue, isTag, isTier, tooComplex } from "./check-filter-ast";
import {
  filterLimits,
  isMetaKey,
  isScopeValue,
  meWord,
  noScopeWord,
  normaliseInstant,
  type FilterNode,
  type MetaValue,
} from "./filter-ast";

const scopeFields = { account: "accountId", user: "userId", agent: "agentId", run: "runId" } as const;
const fields = "tag: account: user: agent: run: tier: after: before: meta.<key>: has:";
const numberPattern = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const space = /\s/;
/** Brackets plus NOTs open at once; beyond the AST's own depth limit either way. */
const maxNesting = filterLimits.maxDepth * 2;

type Value = { text: string; quoted: boolean; at: number };

export function parseFilterString(input: string): FilterNode {
  if (input.length > filterLimits.maxChars) throw tooComplex();
  const parser = new Parser(input);
  const node = parser.filter();
  // Limits (depth, nodes, list sizes) are the JSON form's: one place decides them.
  return checkFilterAst(node);
}

class Parser {
  private i = 0;
  private nesting = 0;
  constructor(private readonly s: string) {}

  filter(): FilterNode {
    this.skipSpace();
    if (this.atEnd()) throw this.incomplete(fields);
    const node = this.or();
    this.skipSpace();
    if (!this.atEnd()) throw this.syntax(this.i, "AND | OR | end");
    return node;
  }

  private or(): FilterNode {
    const items = [this.and()];
    while (this.keyword("OR")) items.push(this.and());
    return items.length === 1 ? items[0] : { or: items };
  }

  private and(): FilterNode {
    const items = [this.unary()];
    for (;;) {
      this.skipSpace();
      if (this.atEnd() || this.s[this.i] === ")" || this.peekKeyword("OR")) break;
      this.keyword("AND");
      items.push(this.unary());
    }
    return items.length === 1 ? items[0] : { and: items };
  }

  private unary(): FilterNode {
    this.skipSpace();
    if (this.atEnd()) throw this.incomplete(`NOT | ( | ${fields}`);
    if (this.keyword("NOT")) return { not: this.nested(() => this.unary()) };
    if (this.s[this.i] === "(") {
      this.i++;
      const node = this.nested(() => this.or());
      this.skipSpace();
      if (this.atEnd()) throw this.incomplete(")");
      if (this.s[this.i] !== ")") throw this.syntax(this.i, ")");
      this.i++;
      return node;
    }
    return this.term();
  }

  private nested(parse: () => FilterNode): FilterNode {
    if (++this.nesting > maxNesting) throw tooComplex();
    const node = parse();
    this.nesting--;
    return node;
  }

  private term(): FilterNode {
    const start = this.i;
    while (!this.atEnd() && /[A-Za-z0-9_.-]/.test(this.s[this.i])) this.i++;
    const field = this.s.slice(start, this.i);
    const known = field === "tag" || field === "tier" || field === "after" || field === "before" || field === "has" || field in scopeFields;
    if (this.atEnd() && (known || field.startsWith("meta."))) throw this.incomplete(":");
    if (!field || this.s[this.i] !== ":") throw this.syntax(start, fields, this.wordAt(start));
    this.i++;
    if (field === "has") {
      const key = this.value();
      if (key.quoted || !isMetaKey(key.text)) throw this.syntax(key.at, expected.metaKey, key.text);
      return { meta: { key: key.text, exists: true } };
    }
    if (field.startsWith("meta.")) {
      const key = field.slice(5);
      if (!isMetaKey(key)) throw this.syntax(start + 5, expected.metaKey, key);
      return this.metaTerm(key);
    }
    const v = this.value();
    if (field === "tag") {
      if (!isTag(v.text)) throw this.syntax(v.at, expected.tag, v.text);
      return { tag: v.text };
    }
    if (field === "tier") {
      if (!isTier(v.text)) throw this.syntax(v.at, expected.tier, v.text);
      return { tier: v.text };
    }
    if (field === "after" || field === "before") {
      const instant = normaliseInstant(v.text);
      if (!instant) throw this.syntax(v.at, expected.instant, v.text);
      return field === "after" ? { createdAfter: instant } : { createdBefore: instant };
    }
    if (field in scopeFields) {
      const key = scopeFields[field as keyof typeof scopeFields];
      const none = !v.quoted && v.text === noScopeWord;
      // Every memory has an owner: "no user" would match nothing, so it is refused as a mistake.
      if (none && key !== "userId") return { scope: { [key]: null } };
      if (none || !isScopeValue(v.text)) throw this.syntax(v.at, key === "userId" ? `${meWord} | user id` : expected.scopeValue, v.text);
      return { scope: { [key]: v.text } };
    }
    throw this.syntax(start, fields, field);
  }

  private metaTerm(key: string): FilterNode {
    if (this.s[this.i] !== "[") return { meta: { key, eq: this.metaValue(this.value()) } };
    this.i++;
    const list: MetaValue[] = [];
    for (;;) {
      this.skipSpace();
      if (list.length >= filterLimits.maxList) throw tooComplex();
      list.push(this.metaValue(this.value(",]")));
      this.skipSpace();
      if (this.atEnd()) throw this.incomplete("]");
      const c = this.s[this.i++];
      if (c === "]") return { meta: { key, in: list } };
      if (c !== ",") throw this.syntax(this.i - 1, ", | ]");
    }
  }

  private metaValue(v: Value): MetaValue {
    let value: MetaValue = v.text;
    if (!v.quoted && (v.text === "true" || v.text === "false")) value = v.text === "true";
    else if (!v.quoted && numberPattern.test(v.text)) value = Number(v.text);
    if (!isMetaValue(value)) throw this.syntax(v.at, expected.metaValue, v.text);
    return canonicalMetaValue(value);
  }

  /** A quoted or bare value; a bare one stops at a space, ")" or one of `stops`. */
  private value(stops = ""): Value {
    const at = this.i;
    if (this.atEnd()) throw this.incomplete("value");
    if (this.s[this.i] === '"') return { text: this.quoted(), quoted: true, at };
    while (!this.atEnd() && !space.test(this.s[this.i]) && this.s[this.i] !== ")" && !stops.includes(this.s[this.i])) {
      if (this.s[this.i] === "(" || this.s[this.i] === '"') throw this.syntax(this.i, '"…"');
      this.i++;
    }
    if (this.i === at) throw this.syntax(at, "value");
    return { text: this.s.slice(at, this.i), quoted: false, at };
  }

  private quoted(): string {
    let out = "";
    for (this.i++; ; this.i++) {
      if (this.atEnd()) throw this.incomplete('"');
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === "\\") {
        this.i++;
        if (this.atEnd()) throw this.incomplete('"');
      }
      out += this.s[this.i];
    }
  }

  /** Consumes the keyword (any case) when it stands alone: followed by a space, "(" or the end. */
  private keyword(word: string): boolean {
    this.skipSpace();
    if (!this.peekKeyword(word)) return false;
    this.i += word.length;
    return true;
  }

  private peekKeyword(word: string): boolean {
    const next = this.s[this.i + word.length];
    return this.s.slice(this.i, this.i + word.length).toUpperCase() === word && (next === undefined || space.test(next) || next === "(");
  }

  private skipSpace() {
    while (!this.atEnd() && space.test(this.s[this.i])) this.i++;
  }

  private atEnd() {
    return this.i >= this.s.length;
  }

  private wordAt(at: number): string {
    let end = at;
    while (end < this.s.length && !space.test(this.s[end]) && end - at < 40) end++;
    return this.s.slice(at, Math.max(end, at + 1));
  }

  private syntax(at: number, what: string, found = this.wordAt(at)): AppError {
    const position = Array.from(this.s.slice(0, at)).length + 1;
    const cut = Array.from(found.toWellFormed());
    return new AppError("MEMORY_FILTER_SYNTAX", {
      details: { position, found: cut.length > 30 ? `${cut.slice(0, 30).join("")}…` : cut.join(""), expected: what },
    });
  }

  private incomplete(what: string): AppError {
    return new AppError("MEMORY_FILTER_INCOMPLETE", { details: { expected: what } });
  }
}
