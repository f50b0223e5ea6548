/**
 * How RED measures text. The body is counted per grapheme (what a person sees as one
 * character), so a family emoji or a flag is one character, not five code points.
 * The title is measured exactly as the publishing bridge refuses it (xiaohongshu-mcp
 * pkg/xhsutil/title.go `CalcTitleLength`, commit 6fb866a7): per UTF-16 code unit, a unit above
 * 127 counts 2 and any other 1, width = ceil(total / 2). So 😍 (two code units) weighs as much
 * as two CJK characters, and a family emoji far more: what RED's editor shows does not matter
 * when the bridge refuses the note before typing it.
 */
const segmenter = new Intl.Segmenter("zh-CN", { granularity: "grapheme" });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Characters as RED counts them for the body length limit. */
export function bodyLength(text: string): number {
  return graphemes(text).length;
}

/** The title's width as the bridge counts it: 20 CJK characters or 40 ASCII characters make 20. */
export function redTitleWidth(title: string): number {
  let units = 0;
  for (let i = 0; i < title.length; i++) units += title.charCodeAt(i) > 127 ? 2 : 1;
  return Math.ceil(units / 2);
}

/** The most the bridge accepts (service.go: `CalcTitleLength(req.Title) > 20` is refused). */
export const bridgeTitleLimit = 20;
