/**
 * How RED measures text. Counting is per grapheme (what a person sees as one character), so a
 * family emoji or a flag is one character, not five code points.
 * Title width: a non-ASCII character counts 2, an ASCII one 1; width = ceil(total / 2).
 */
const segmenter = new Intl.Segmenter("zh-CN", { granularity: "grapheme" });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Characters as RED counts them for the body length limit. */
export function bodyLength(text: string): number {
  return graphemes(text).length;
}

function isAscii(grapheme: string): boolean {
  return grapheme.length === 1 && grapheme.charCodeAt(0) < 0x80;
}

/** The title's RED width: 20 CJK characters or 40 ASCII characters make 20. */
export function redTitleWidth(title: string): number {
  let units = 0;
  for (const g of graphemes(title)) units += isAscii(g) ? 1 : 2;
  return Math.ceil(units / 2);
}
