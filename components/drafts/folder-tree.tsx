"use client";
/** The folders sidebar: nested folders, each a drop target for dragged drafts. */
import { useDroppable } from "@dnd-kit/core";
import { Folder, FolderOpen, Inbox, Layers, Trash2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export type FolderNode = { id: string; name: string; parentId: string | null };

function DropLink({
  id,
  href,
  active,
  depth,
  icon,
  children,
  onDelete,
}: {
  id: string;
  href: string;
  active: boolean;
  depth: number;
  icon: ReactNode;
  children: ReactNode;
  onDelete?: () => void;
}) {
  const { isOver, setNodeRef } = useDroppable({ id });
  return (
    <div
      ref={setNodeRef}
      data-folder-drop={id}
      className={cn(
        "group flex items-center rounded-md",
        isOver && "bg-brand-50 ring-2 ring-brand-500 dark:bg-brand-700/20",
        active && "bg-zinc-200 dark:bg-zinc-800",
      )}
      style={{ paddingLeft: depth * 12 }}
    >
      <Link href={href} className="flex min-w-0 flex-1 items-center gap-2 px-2 py-1.5 text-sm">
        {icon}
        <span className="truncate">{children}</span>
      </Link>
      {onDelete && (
        <button
          type="button"
          aria-label="delete"
          onClick={onDelete}
          className="invisible px-2 text-zinc-400 hover:text-red-600 group-hover:visible"
        >
          <Trash2 className="size-3.5" />
        </button>
      )}
    </div>
  );
}

export function FolderTree({
  folders,
  current,
  hrefFor,
  canWrite,
  onCreate,
  onDelete,
}: {
  folders: FolderNode[];
  current: string | undefined;
  hrefFor: (folderId: string | undefined) => string;
  canWrite: boolean;
  onCreate: (name: string, parentId: string | null) => void;
  onDelete: (id: string) => void;
}) {
  const t = useTranslations("drafts.folders");
  const [name, setName] = useState("");
  const children = (parentId: string | null) => folders.filter((f) => f.parentId === parentId);
  const render = (parentId: string | null, depth: number): ReactNode =>
    children(parentId).map((f) => (
      <div key={f.id}>
        <DropLink
          id={`folder:${f.id}`}
          href={hrefFor(f.id)}
          active={current === f.id}
          depth={depth}
          icon={current === f.id ? <FolderOpen className="size-4" /> : <Folder className="size-4" />}
          onDelete={
            canWrite
              ? () => {
                  if (window.confirm(t("deleteConfirm", { name: f.name }))) onDelete(f.id);
                }
              : undefined
          }
        >
          {f.name}
        </DropLink>
        {render(f.id, depth + 1)}
      </div>
    ));
  return (
    <nav aria-label={t("title")} className="space-y-0.5" data-testid="folders">
      <DropLink id="folder:all" href={hrefFor(undefined)} active={!current} depth={0} icon={<Layers className="size-4" />}>
        {t("all")}
      </DropLink>
      <DropLink id="folder:none" href={hrefFor("none")} active={current === "none"} depth={0} icon={<Inbox className="size-4" />}>
        {t("unfiled")}
      </DropLink>
      {render(null, 0)}
      {canWrite && (
        <form
          className="flex gap-1 pt-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) onCreate(name.trim(), current && current !== "none" ? current : null);
            setName("");
          }}
        >
          <input
            aria-label={t("newFolder")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            placeholder={t("newFolder")}
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <Button size="sm" variant="secondary" type="submit">
            {t("add")}
          </Button>
        </form>
      )}
    </nav>
  );
}
