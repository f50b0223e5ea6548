"use client";
/**
 * The matrix body: selection state, the bulk panel, and the table or card grid.
 *
 * The server renders the first screen of rows; the browser renders the rest right after
 * hydration from the data the page already carries. Every row cost the server about 0.12 ms
 * (React rendering and streaming its HTML), so 100 rows were a third of the page's time while
 * most of them sit below the fold (bench: accounts-matrix).
 */
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import { parseMatrixItems, type MatrixItemsJson, type MemberOption } from "@/lib/accounts/matrix-rows";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";
import { BulkPanel } from "./bulk-panel";
import { MatrixCards } from "./matrix-cards";
import { MatrixTable } from "./matrix-table";

/** Rows (cards) in the server's HTML: more than a large screen shows. */
const firstScreen = { table: 30, cards: 24 } as const;

type Props = {
  slug: string;
  locale: string;
  timeZone: string;
  view: "table" | "cards";
  items: MatrixItemsJson;
  members: MemberOption[];
  canManage: boolean;
  canGrant: boolean;
  bulkAction: WorkspaceActionFn<{ results: { accountId: string; name: string; ok: boolean; message: string }[] }>;
};

export function MatrixView({ slug, locale, timeZone, view, items: itemsJson, members, canManage, canGrant, bulkAction }: Props) {
  const t = useTranslations("matrix");
  const items = useMemo(() => parseMatrixItems(itemsJson), [itemsJson]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const visible = useMemo(() => new Set(items.map((i) => i.id)), [items]);
  const selectedIds = [...selected].filter((id) => visible.has(id));
  const hydrated = useHydrated();
  const shown = hydrated ? items : items.slice(0, firstScreen[view]);
  const names = useMemo(() => Object.fromEntries(items.map((i) => [i.id, i.name])), [items]);

  function toggle(id: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }
  function toggleAll() {
    setSelected((prev) => (items.every((i) => prev.has(i.id)) ? new Set() : new Set(items.map((i) => i.id))));
  }

  return (
    <>
      {canManage && selectedIds.length > 0 && (
        <>
          <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="selected-count">
            {t("selected", { count: selectedIds.length })}
          </p>
          <BulkPanel slug={slug} selectedIds={selectedIds} names={names} members={members} canGrant={canGrant} bulkAction={bulkAction} />
        </>
      )}
      {view === "cards" ? (
        <MatrixCards
          slug={slug}
          locale={locale}
          timeZone={timeZone}
          items={shown}
          selected={selected}
          onToggle={toggle}
          selectable={canManage}
        />
      ) : (
        <Card className="overflow-x-auto">
          <MatrixTable
            slug={slug}
            locale={locale}
            timeZone={timeZone}
            items={shown}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
            selectable={canManage}
          />
        </Card>
      )}
      {shown.length < items.length && (
        <p className="py-3 text-center text-sm text-zinc-500" aria-busy="true" data-testid="matrix-more">
          {t("moreRows", { count: items.length - shown.length })}
        </p>
      )}
    </>
  );
}
