"use client";
/**
 * The drafts list: folders sidebar (drop a dragged draft on a folder to move it), filters and
 * search (a plain GET form, so it works before JavaScript), the rows, and pagination.
 */
import { DndContext, PointerSensor, KeyboardSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { FileText, Plus, Search } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, TextInput } from "@/components/ui/field";
import { draftStatuses } from "@/lib/drafts/draft-statuses";
import type { ActionFailure, ActionResult, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { DraftRow, type DraftRowData } from "./draft-row";
import { FolderTree, type FolderNode } from "./folder-tree";

type Option = { id: string; name: string };
export type BrowserFilters = {
  q?: string;
  status?: string;
  accountId?: string;
  authorId?: string;
  folderId?: string;
  sort?: string;
  updatedFrom?: string;
  page: number;
};
type Actions = {
  createDraft: WorkspaceActionFn<{ id: string }>;
  createFolder: WorkspaceActionFn<{ id: string }>;
  deleteFolder: WorkspaceActionFn;
  moveDraft: WorkspaceActionFn;
};

type Props = {
  slug: string;
  rows: (DraftRowData & { updatedLabel: string })[];
  total: number;
  pageSize: number;
  filters: BrowserFilters;
  folders: FolderNode[];
  accounts: Option[];
  authors: Option[];
  canWrite: boolean;
  actions: Actions;
};

export function DraftsBrowser({ slug, rows, total, pageSize, filters, folders, accounts, authors, canWrite, actions }: Props) {
  const t = useTranslations("drafts");
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor));

  const hrefWith = (patch: Partial<BrowserFilters>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, page: 1, ...patch }))
      if (v !== undefined && v !== "" && !(k === "page" && v === 1)) params.set(k, String(v));
    const qs = params.toString();
    return `/${slug}/drafts${qs ? `?${qs}` : ""}`;
  };
  const run = <T,>(fn: () => Promise<ActionResult<T>>, after?: (data: T) => void) =>
    startTransition(async () => {
      const result = await fn();
      setFailure(result.ok ? null : result);
      if (result.ok) {
        after?.(result.data);
        router.refresh();
      }
    });

  function onDragEnd(event: DragEndEvent) {
    const target = event.over?.id?.toString();
    const draftId = event.active.id.toString().replace(/^draft:/, "");
    if (!target?.startsWith("folder:") || target === "folder:all") return;
    const folderId = target === "folder:none" ? null : target.slice("folder:".length);
    run(() => actions.moveDraft(slug, { draftId, folderId }));
  }
  const newDraft = () =>
    run(
      () => actions.createDraft(slug, { title: "", folderId: filters.folderId && filters.folderId !== "none" ? filters.folderId : null }),
      (data) => router.push(`/${slug}/drafts/${data.id}`),
    );

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = Boolean(filters.q || filters.status || filters.accountId || filters.authorId || filters.updatedFrom || filters.folderId);
  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <div className="grid gap-4 lg:grid-cols-[220px_minmax(0,1fr)]">
        <Card className="h-fit p-2">
          <FolderTree
            folders={folders}
            current={filters.folderId}
            hrefFor={(folderId) => hrefWith({ folderId, q: undefined })}
            canWrite={canWrite}
            onCreate={(name, parentId) => run(() => actions.createFolder(slug, { name, parentId }))}
            onDelete={(id) => run(() => actions.deleteFolder(slug, { id }))}
          />
        </Card>
        <div className="min-w-0 space-y-3">
          <form action={`/${slug}/drafts`} method="get" className="space-y-2" role="search">
            {filters.folderId && <input type="hidden" name="folderId" value={filters.folderId} />}
            <div className="flex gap-2">
              <div className="relative min-w-0 flex-1">
                <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-zinc-400" />
                <TextInput
                  name="q"
                  type="search"
                  defaultValue={filters.q}
                  placeholder={t("list.searchPlaceholder")}
                  aria-label={t("list.search")}
                  className="pl-8"
                />
              </div>
              <Button type="submit" variant="secondary">
                {t("list.apply")}
              </Button>
              {canWrite && (
                <Button onClick={newDraft} disabled={pending}>
                  <Plus className="size-4" /> {t("list.new")}
                </Button>
              )}
            </div>
            <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
              <Select name="status" defaultValue={filters.status ?? ""} aria-label={t("list.status")}>
                <option value="">{t("list.anyStatus")}</option>
                {draftStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`statuses.${s}`)}
                  </option>
                ))}
              </Select>
              <Select name="accountId" defaultValue={filters.accountId ?? ""} aria-label={t("list.account")}>
                <option value="">{t("list.anyAccount")}</option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
              <Select name="authorId" defaultValue={filters.authorId ?? ""} aria-label={t("list.author")}>
                <option value="">{t("list.anyAuthor")}</option>
                {authors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
              <TextInput
                name="updatedFrom"
                type="date"
                defaultValue={filters.updatedFrom}
                aria-label={t("list.updatedFrom")}
                title={t("list.updatedFrom")}
              />
              <Select name="sort" defaultValue={filters.sort ?? "updated_desc"} aria-label={t("list.sort")}>
                {(["updated_desc", "updated_asc", "created_desc", "title_asc"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`sorts.${s}`)}
                  </option>
                ))}
              </Select>
            </div>
          </form>
          <ActionError failure={failure} />
          {rows.length === 0 ? (
            <EmptyState
              icon={<FileText className="size-8" />}
              title={filtered ? t("list.noMatchTitle") : t("list.emptyTitle")}
              body={filtered ? t("list.noMatchBody") : t("list.emptyBody")}
              action={
                filtered ? (
                  <Link className="text-sm text-brand-600 underline" href={`/${slug}/drafts`}>
                    {t("list.clear")}
                  </Link>
                ) : canWrite ? (
                  <Button onClick={newDraft}>{t("list.new")}</Button>
                ) : undefined
              }
            />
          ) : (
            <Card>
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="drafts-list">
                {rows.map((row) => (
                  <DraftRow key={row.id} slug={slug} row={row} canMove={canWrite} updated={row.updatedLabel} />
                ))}
              </ul>
            </Card>
          )}
          {!filters.q && pages > 1 && (
            <nav className="flex items-center justify-between text-sm" aria-label={t("list.pagination")}>
              <span className="text-zinc-500">{t("list.pageOf", { page: filters.page, pages, total })}</span>
              <span className="flex gap-2">
                {filters.page > 1 && (
                  <Link className="rounded-lg px-3 py-1 ring-1 ring-zinc-200" href={hrefWith({ page: filters.page - 1 })}>
                    {t("list.previous")}
                  </Link>
                )}
                {filters.page < pages && (
                  <Link className="rounded-lg px-3 py-1 ring-1 ring-zinc-200" href={hrefWith({ page: filters.page + 1 })}>
                    {t("list.next")}
                  </Link>
                )}
              </span>
            </nav>
          )}
        </div>
      </div>
    </DndContext>
  );
}
