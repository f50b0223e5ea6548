"use client";
/** One draft in the list: drag handle (to move it into a folder), title, excerpt or search snippet. */
import { useDraggable } from "@dnd-kit/core";
import { GripVertical } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DraftStatus } from "@/lib/drafts/draft-statuses";
import { MarkedText } from "./marked-text";
import { statusTone } from "./status-tone";

export type DraftRowData = {
  id: string;
  title: string;
  text: string;
  marked: boolean;
  status: DraftStatus;
  authorName: string;
  updatedAt: string;
  accountNames: string[];
  topics: string[];
};

export function DraftRow({ slug, row, canMove, updated }: { slug: string; row: DraftRowData; canMove: boolean; updated: string }) {
  const t = useTranslations("drafts");
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: `draft:${row.id}`, disabled: !canMove });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <li
      ref={setNodeRef}
      style={style}
      data-testid="draft-row"
      className={`flex items-start gap-2 px-3 py-3 ${isDragging ? "relative z-10 rounded-lg bg-white shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900" : ""}`}
    >
      {canMove && (
        <button
          type="button"
          aria-label={t("list.drag")}
          className="mt-0.5 cursor-grab touch-none text-zinc-400 hover:text-zinc-700"
          {...listeners}
          {...attributes}
        >
          <GripVertical className="size-4" />
        </button>
      )}
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/${slug}/drafts/${row.id}`} className="font-medium hover:text-brand-600" data-testid="draft-title">
            {row.marked ? <MarkedText text={row.title} /> : row.title || t("untitled")}
          </Link>
          <Badge tone={statusTone[row.status]}>{t(`statuses.${row.status}`)}</Badge>
        </div>
        <p className="mt-0.5 line-clamp-2 text-sm text-zinc-500" data-testid="draft-snippet">
          {row.marked ? <MarkedText text={row.text} /> : row.text}
        </p>
        <p className="mt-1 text-xs text-zinc-400">
          {row.authorName} · {updated}
          {row.accountNames.length > 0 && ` · ${row.accountNames.join("、")}`}
          {row.topics.length > 0 && ` · ${row.topics.map((x) => `#${x}`).join(" ")}`}
        </p>
      </div>
    </li>
  );
}
