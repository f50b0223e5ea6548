/**
 * Topics (话题) are typed as `#topic` and sent to RED separately, never inside the body. RED's
 * own storage form `#topic[话题]#` is accepted too. A `#` right after an ASCII letter or digit
 * (C#), or inside a URL or HTML entity, is not a topic; after Chinese text it is (去了#杭州).
 */
const topicPattern = /(^|[^A-Za-z0-9_/&#])#([\p{L}\p{N}_·-]{1,30})(?:\[话题\]#)?/gu;

/** Unique topics in order of first appearance. */
export function extractTopics(text: string): string[] {
  const seen: string[] = [];
  for (const match of text.matchAll(topicPattern)) if (!seen.includes(match[2])) seen.push(match[2]);
  return seen;
}

/**
 * Removes the topics from one line of text. A line that held only topics becomes null, so the
 * renderer can drop it instead of leaving an empty line behind.
 */
export function stripTopics(line: string): string | null {
  if (!line.includes("#")) return line;
  let stripped = line
    .replace(topicPattern, "$1")
    .replace(/[ \t\u3000]{2,}/g, " ")
    .trimEnd();
  if (!/^\s/.test(line)) stripped = stripped.trimStart();
  if (stripped.trim() === "" && line.trim() !== "") return null;
  return stripped;
}
