/**
 * The browser's copy of unsaved edits (localStorage), so nothing typed is lost to a closed tab,
 * a dead network or a refused save. Cleared only once the server has the same content.
 */
import type { DraftImage } from "@/lib/drafts/doc-types";
import type { DraftDoc } from "@/lib/drafts/doc-types";

export type LocalCopy = { baseVersion: number; title: string; doc: DraftDoc; accountIds: string[]; images?: DraftImage[]; at: number };
const keyOf = (draftId: string) => `rm:draft:${draftId}`;

export function readLocalCopy(draftId: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(keyOf(draftId));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

/** False when the browser refused (quota): the caller shows it, the text stays in the editor. */
export function writeLocalCopy(draftId: string, copy: LocalCopy): boolean {
  try {
    window.localStorage.setItem(keyOf(draftId), JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalCopy(draftId: string): void {
  try {
    window.localStorage.removeItem(keyOf(draftId));
  } catch {
    // Nothing stored: nothing to clear.
  }
}
