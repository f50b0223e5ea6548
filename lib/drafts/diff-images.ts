/**
 * How two versions of a note's images differ, for the conflict view: which images only one side
 * has, whether the shared ones are in a different order, whether the cover (the first image)
 * differs, and which shared images got a different alt text. Images are identified by URL.
 */
import type { DraftImage } from "@/db/schema";

export type ImageDiff = {
  onlyMine: string[];
  onlyTheirs: string[];
  reordered: boolean;
  coverChanged: boolean;
  altChanged: string[];
  isSame: boolean;
};

export function diffImages(mine: DraftImage[], theirs: DraftImage[]): ImageDiff {
  const mineUrls = mine.map((i) => i.url);
  const theirUrls = theirs.map((i) => i.url);
  const onlyMine = mineUrls.filter((u) => !theirUrls.includes(u));
  const onlyTheirs = theirUrls.filter((u) => !mineUrls.includes(u));
  const sharedMine = mineUrls.filter((u) => theirUrls.includes(u));
  const sharedTheirs = theirUrls.filter((u) => mineUrls.includes(u));
  const reordered = sharedMine.some((u, i) => sharedTheirs[i] !== u);
  const coverChanged = (mineUrls[0] ?? null) !== (theirUrls[0] ?? null);
  const theirAlt = new Map(theirs.map((i) => [i.url, i.alt]));
  const altChanged = mine.filter((i) => theirAlt.has(i.url) && theirAlt.get(i.url) !== i.alt).map((i) => i.url);
  return {
    onlyMine,
    onlyTheirs,
    reordered,
    coverChanged,
    altChanged,
    isSame: !onlyMine.length && !onlyTheirs.length && !reordered && !coverChanged && !altChanged.length,
  };
}
