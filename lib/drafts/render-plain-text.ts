/**
 * The editor's JSON -> exactly the text the publisher sends to RED. RED notes are plain text:
 * every block is one line, headings become plain lines, list items get a bullet (emoji or
 * symbol per workspace setting), formatting and link targets are dropped, and `#topics` are
 * taken out of the body and returned separately.
 */
import type { DocNode, DraftDoc } from "./doc-types";
import { extractTopics, stripTopics } from "./extract-topics";
import type { BulletStyle } from "./note-settings";

export type RenderedNote = { body: string; topics: string[] };

const bullets: Record<BulletStyle, string[]> = { emoji: ["🔸", "▫️"], symbol: ["•", "◦"], dash: ["-", "-"] };
const keycaps = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"];

function inlineText(node: DocNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

function orderedMarker(n: number, style: BulletStyle): string {
  return style === "emoji" && n <= 10 ? keycaps[n] : `${n}.`;
}

function listLines(list: DocNode, style: BulletStyle, depth: number): string[] {
  const lines: string[] = [];
  const start = typeof list.attrs?.start === "number" ? list.attrs.start : 1;
  (list.content ?? []).forEach((item, i) => {
    const marker = list.type === "orderedList" ? orderedMarker(start + i, style) : bullets[style][Math.min(depth, 1)];
    const indent = "  ".repeat(depth);
    let first = true;
    for (const child of item.content ?? []) {
      if (child.type === "bulletList" || child.type === "orderedList") {
        lines.push(...listLines(child, style, depth + 1));
        continue;
      }
      for (const line of blockLines(child, style, depth)) {
        lines.push(first ? `${indent}${marker} ${line}` : `${indent}   ${line}`);
        first = false;
      }
    }
    if (first) lines.push(`${indent}${marker}`);
  });
  return lines;
}

function blockLines(node: DocNode, style: BulletStyle, depth: number): string[] {
  switch (node.type) {
    case "bulletList":
    case "orderedList":
      return listLines(node, style, depth);
    case "blockquote":
      return (node.content ?? []).flatMap((child) => blockLines(child, style, depth));
    case "horizontalRule":
      return ["——————"];
    default:
      return inlineText(node).split("\n");
  }
}

export function renderPlainText(doc: DraftDoc, options: { bulletStyle: BulletStyle }): RenderedNote {
  const raw = (doc.content ?? []).flatMap((block) => blockLines(block, options.bulletStyle, 0));
  const topics = extractTopics(raw.join("\n"));
  const lines = raw.map((line) => stripTopics(line.replace(/\s+$/u, ""))).filter((line): line is string => line !== null);
  while (lines.length && lines[0].trim() === "") lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  return { body: lines.join("\n"), topics };
}
