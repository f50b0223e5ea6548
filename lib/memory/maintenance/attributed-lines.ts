/**
 * A memory's text as attributed lines, for merging without moving words between speakers.
 *
 * Each non-empty line is a turn: a speaker (the line's own label — "Caroline: …", "小红：…" — else
 * the label of the line above it in the same memory, else the memory's `metadata.speaker`) and its
 * sentences. Sentences keep their trailing whitespace, so a turn whose sentences are all kept
 * renders back to exactly its original line.
 *
 * A label is up to three words (any script) before a full-width colon, or before an ASCII colon
 * followed by a space ("https://…" and "10:30" are not labels). Some note titles ("标题公式：…")
 * read as labels too; that costs nothing, since a labelled line renders with its label again.
 */
export type Turn = { speaker: string | null; label: string; sentences: string[] };
export type AttributedSource = { content: string; metadata?: Record<string, unknown> };

const labelPattern = /^(\p{L}[\p{L}\p{M}\p{N}_'’.-]*(?: [\p{L}\p{N}][\p{L}\p{M}\p{N}_'’.-]*){0,2})[ \t]*(：|:(?=[ \t]|$))[ \t]*/u;
const maxLabelChars = 32;
const terminators = "。！？!?；;.…";
const closers = "”\"’'）)\\]」』》";
/** A run of text up to and including its terminators (a "." only before whitespace or the end), closing quotes, then whitespace. */
const sentencePattern = new RegExp(
  `(?:[^${terminators}]|[.…](?![\\s]|$))+(?:[${terminators}]+)?[${closers}]*\\s*|[${terminators}]+[${closers}]*\\s*`,
  "gu",
);

function labelFor(name: string): string {
  return /\p{Script=Han}/u.test(name) ? `${name}：` : `${name}: `;
}

export function speakerLabel(line: string): { name: string; label: string; rest: string } | null {
  const m = labelPattern.exec(line);
  if (!m || m[1].length > maxLabelChars) return null;
  const rest = line.slice(m[0].length);
  return { name: m[1], label: m[2] === "：" ? `${m[1]}：` : `${m[1]}: `, rest };
}

export function metadataSpeaker(metadata: Record<string, unknown> | undefined): string | null {
  const s = metadata?.speaker;
  if (typeof s !== "string") return null;
  const name = s.trim();
  return name && name.length <= maxLabelChars && !/[\r\n:：]/.test(name) ? name : null;
}

/** Sentences with their trailing whitespace: `splitSentences(x).join("") === x`. */
export function splitSentences(text: string): string[] {
  return text.match(sentencePattern) ?? [];
}

export function turnsOf(source: AttributedSource): Turn[] {
  const fromMetadata = metadataSpeaker(source.metadata);
  let speaker = fromMetadata;
  let label = fromMetadata ? labelFor(fromMetadata) : "";
  const turns: Turn[] = [];
  for (const raw of source.content.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const own = speakerLabel(line);
    if (own) [speaker, label] = [own.name, own.label];
    const sentences = splitSentences(own ? own.rest : line);
    if (sentences.length) turns.push({ speaker, label, sentences });
  }
  return turns;
}

export function renderTurn(turn: Pick<Turn, "label">, sentences: string[]): string {
  return `${turn.label}${sentences.join("").trimEnd()}`;
}

/** Case, width, punctuation and spacing removed: two sentences are the same when these are equal. */
export function normalizeSentence(sentence: string): string {
  return sentence
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\s]/gu, "");
}

export function isQuestion(sentence: string): boolean {
  return new RegExp(`(?:[?？]|[吗呢么嘛][。.!！]?)[${closers}]*\\s*$`, "u").test(sentence);
}

/** The member's text with its speaker on every line (a metadata speaker written out). */
export function attributedText(source: AttributedSource): string {
  return turnsOf(source)
    .map((t) => renderTurn(t, t.sentences))
    .join("\n");
}
