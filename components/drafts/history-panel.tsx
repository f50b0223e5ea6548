"use client";
/** Revision history: who and when, a readable word diff against the revision before, restore. */
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { DiffText } from "@/components/ui/diff-text";
import type { DiffPart } from "@/lib/text/text-diff";
import { draftApi } from "./draft-api";

type Revision = { id: string; version: number; authorName: string; updatedAt: string };
type Diff = { title: DiffPart[]; body: DiffPart[] };

export function HistoryPanel({
  slug,
  draftId,
  version,
  refreshKey,
  onRestore,
  formatTime,
}: {
  slug: string;
  draftId: string;
  version: number;
  refreshKey: number;
  onRestore: (revisionId: string) => void;
  formatTime: (iso: string) => string;
}) {
  const t = useTranslations("drafts.history");
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  useEffect(() => {
    void draftApi<{ revisions: Revision[] }>(slug, `/drafts/${draftId}/revisions`).then((r) => r.ok && setRevisions(r.data.revisions));
  }, [slug, draftId, refreshKey]);
  useEffect(() => {
    if (!selected) return setDiff(null);
    void draftApi<Diff>(slug, `/drafts/${draftId}/revisions/${selected}`).then((r) => r.ok && setDiff(r.data));
  }, [slug, draftId, selected]);
  return (
    <div className="space-y-3" data-testid="history">
      <ul className="max-h-56 space-y-1 overflow-y-auto text-sm">
        {revisions.map((r) => (
          <li key={r.id}>
            <button
              onClick={() => setSelected(r.id === selected ? null : r.id)}
              className={`w-full rounded-md px-2 py-1 text-left ${r.id === selected ? "bg-zinc-200 dark:bg-zinc-700" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
            >
              v{r.version} · {r.authorName} · <span className="text-zinc-500">{formatTime(r.updatedAt)}</span>
            </button>
          </li>
        ))}
      </ul>
      {diff && selected && (
        <div className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
          <DiffText parts={diff.title} />
          <DiffText parts={diff.body} />
          {revisions.find((r) => r.id === selected)?.version !== version && (
            <Button size="sm" variant="secondary" onClick={() => onRestore(selected)}>
              {t("restore")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
