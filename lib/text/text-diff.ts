/**
 * A word-level diff that segments Chinese into words, so a change reads as words, not letters.
 * Pure (only the `diff` package), so client components can run it too: draft revisions and
 * memory versions both show their changes with it.
 */
import { diffWords } from "diff";

export type DiffPart = { value: string; added: boolean; removed: boolean };

const wordSegmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

export function textDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after, { intlSegmenter: wordSegmenter }).map((p) => ({
    value: p.value,
    added: !!p.added,
    removed: !!p.removed,
  }));
}
