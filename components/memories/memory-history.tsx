"use client";
/**
 * A memory's versions, newest first: what happened in words (创建, 修改, 合并, 恢复…), who and
 * when, what changed, and "restore this version" behind a confirmation. The restore is a server
 * action run through useActionState; the action revalidates the page, so the new version appears
 * at the top of the list the page passes back in.
 */
import Link from "next/link";
import { startTransition, useActionState, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/audit/format-time";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { MemoryVersionView } from "@/lib/memory/history/memory-version-view";
import type { ActionResult, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { MemoryVersionChanges } from "./memory-version-changes";

type Props = {
  slug: string;
  memoryId: string;
  versions: MemoryVersionView[];
  /** The caller may edit this memory (and it is not a hidden member of a merge). */
  canRestore: boolean;
  restore: WorkspaceActionFn<{ id: string }>;
  timeZone: string;
  olderHref: string | null;
  newestHref: string | null;
};

/** One version as a disclosure (Enter or Space opens it); its body, and so its diff, renders only while open. */
function VersionItem({
  version: v,
  timeZone,
  initiallyOpen,
  children,
}: {
  version: MemoryVersionView;
  timeZone: string;
  initiallyOpen: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("memories");
  const locale = useLocale();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <li data-testid="memory-version">
      <details
        open={open}
        onToggle={(e) => setOpen(e.currentTarget.open)}
        className="group rounded-lg border border-zinc-200 dark:border-zinc-700"
      >
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-2 gap-y-0.5 rounded-lg px-3 py-2 text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
          <span aria-hidden className="text-zinc-400 transition-transform group-open:rotate-90">
            ›
          </span>
          <span className="font-medium">{t(`actions.${v.action}`)}</span>
          {v.isCurrent && <Badge tone="brand">{t("versions.current")}</Badge>}
          <span className="ml-auto text-xs text-zinc-500 tabular-nums">
            {v.actor ? (v.actor.name ?? t("versions.formerMember")) : t("system")} ·{" "}
            <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, locale, timeZone)}</time>
          </span>
        </summary>
        {open && <div className="space-y-3 border-t border-zinc-200 px-3 py-2 dark:border-zinc-700">{children}</div>}
      </details>
    </li>
  );
}

type Restored = ActionResult<{ id: string }> | null;

export function MemoryHistory({ slug, memoryId, versions, canRestore, restore, timeZone, olderHref, newestHref }: Props) {
  const t = useTranslations("memories");
  const [restoring, setRestoring] = useState<number | null>(null);
  const [restored, restoreVersion, pending] = useActionState(
    (_last: Restored, versionId: number): Promise<Restored> => restore(slug, { id: memoryId, versionId: String(versionId) }),
    null,
  );
  const confirm = (versionId: number) => {
    setRestoring(versionId);
    startTransition(() => restoreVersion(versionId));
  };

  return (
    <div className="space-y-2">
      {restored?.ok && <Alert tone="success">{t("versions.restored")}</Alert>}
      <ActionError failure={restored && !restored.ok ? restored : null} />
      {versions.length === 0 && <p className="text-sm text-zinc-500">{t("versions.empty")}</p>}
      <ol className="space-y-2">
        {versions.map((v, index) => (
          <VersionItem key={v.id} version={v} timeZone={timeZone} initiallyOpen={index === 0 && !newestHref}>
            <MemoryVersionChanges slug={slug} version={v} />
            {canRestore && v.snapshot && !v.isCurrent && (
              <ConfirmButton
                label={pending && restoring === v.id ? t("versions.restoring") : t("versions.restore")}
                message={t("versions.restoreConfirm")}
                confirmLabel={t("versions.restoreConfirmButton")}
                onConfirm={() => confirm(v.id)}
                disabled={pending}
              />
            )}
          </VersionItem>
        ))}
      </ol>
      {(olderHref || newestHref) && (
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          {newestHref ? (
            <Link href={newestHref} className="text-brand-600 hover:underline">
              ← {t("versions.newest")}
            </Link>
          ) : (
            <span />
          )}
          {olderHref && (
            <Link href={olderHref} className="text-brand-600 hover:underline">
              {t("versions.older")} →
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
