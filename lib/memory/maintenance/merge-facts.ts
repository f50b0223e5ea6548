/**
 * The check a model's summary must pass before it replaces its members: every speaker, number and
 * name found in the members appears in it. Deterministic and deliberately simple (no NLP): names
 * are capitalised words that do not open a sentence, titles in 《》「」『』“”, @mentions and #tags.
 * It cannot prove a summary kept every fact; it catches the common losses (a dropped turn takes
 * its speaker or figures with it) and sends such a cluster to the extractive merge instead.
 */
import { turnsOf } from "./attributed-lines";

const quoted = /《([^》]{1,30})》|「([^」]{1,30})」|『([^』]{1,30})』|“([^”]{1,30})”/gu;
const tagged = /[@#][\p{L}\p{N}_]+/gu;
const capitalised = /\p{Lu}[\p{L}\p{M}'’-]+/gu;

/** Full-width forms folded, case folded, thousands separators gone ("1,200" and "1200" are the same number). */
function fold(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
}

function numbersIn(text: string): string[] {
  return fold(text).match(/\d+(?:[.:]\d+)*/g) ?? [];
}

function namesIn(sentence: string): string[] {
  const body = sentence.trimStart();
  const names: string[] = [];
  for (const m of body.matchAll(capitalised)) if (m.index > 0) names.push(m[0]);
  for (const m of body.matchAll(quoted)) names.push(m.slice(1).find(Boolean)!);
  for (const m of body.matchAll(tagged)) names.push(m[0]);
  return names;
}

export function keyFacts(texts: string[]): { speakers: string[]; numbers: string[]; names: string[] } {
  const speakers = new Set<string>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  for (const text of texts) {
    for (const turn of turnsOf({ content: text })) {
      if (turn.speaker) speakers.add(turn.speaker);
      for (const sentence of turn.sentences) {
        for (const n of numbersIn(sentence)) numbers.add(n);
        for (const n of namesIn(sentence)) names.add(n);
      }
    }
  }
  return { speakers: [...speakers], numbers: [...numbers], names: [...names] };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What of the members' key facts the merged text lacks (empty: it passes). */
export function missingFacts(texts: string[], merged: string): string[] {
  const facts = keyFacts(texts);
  const folded = fold(merged);
  const missing = [...facts.speakers, ...facts.names].filter((s) => !folded.includes(fold(s)));
  for (const n of facts.numbers) if (!new RegExp(`(?<![\\d.:])${escapeRegExp(n)}(?![\\d]|[.:]\\d)`).test(folded)) missing.push(n);
  return missing;
}
