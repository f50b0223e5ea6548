/**
 * Keeps only the nodes, marks and attributes the editor produces, so a stored document can never
 * carry script: unknown nodes are unwrapped (their text kept), unknown marks and attributes are
 * dropped, and links keep only http(s)/mailto targets.
 */
import type { DocMark, DocNode, DraftDoc } from "./doc-types";

const blockAttrs: Record<string, (attrs: Record<string, unknown>) => Record<string, unknown> | undefined> = {
  doc: () => undefined,
  paragraph: () => undefined,
  text: () => undefined,
  hardBreak: () => undefined,
  bulletList: () => undefined,
  listItem: () => undefined,
  blockquote: () => undefined,
  horizontalRule: () => undefined,
  codeBlock: () => undefined,
  heading: (a) => ({ level: clampInt(a.level, 1, 3, 2) }),
  orderedList: (a) => ({ start: clampInt(a.start, 1, 999, 1) }),
};
const plainMarks = new Set(["bold", "italic", "strike", "code", "underline"]);

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === "number" && Number.isInteger(value) ? value : fallback;
  return Math.min(max, Math.max(min, n));
}

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length > 2000) return false;
  try {
    const url = new URL(href);
    return ["http:", "https:", "mailto:"].includes(url.protocol);
  } catch {
    return false;
  }
}

function sanitizeMarks(marks: DocMark[] | undefined): DocMark[] | undefined {
  const kept: DocMark[] = [];
  for (const mark of marks ?? []) {
    if (plainMarks.has(mark.type)) kept.push({ type: mark.type });
    else if (mark.type === "link" && isSafeHref(mark.attrs?.href)) kept.push({ type: "link", attrs: { href: mark.attrs!.href } });
  }
  return kept.length ? kept : undefined;
}

function sanitizeNode(node: DocNode): DocNode[] {
  const attrsOf = blockAttrs[node.type];
  if (!attrsOf) return (node.content ?? []).flatMap(sanitizeNode);
  if (node.type === "text") {
    if (typeof node.text !== "string" || node.text === "") return [];
    const marks = sanitizeMarks(node.marks);
    return [{ type: "text", text: node.text, ...(marks ? { marks } : {}) }];
  }
  const out: DocNode = { type: node.type };
  const attrs = attrsOf(node.attrs ?? {});
  if (attrs) out.attrs = attrs;
  if (node.content?.length) out.content = node.content.flatMap(sanitizeNode);
  return [out];
}

export function sanitizeDoc(doc: DraftDoc): DraftDoc {
  const content = (doc.content ?? []).flatMap(sanitizeNode);
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}
