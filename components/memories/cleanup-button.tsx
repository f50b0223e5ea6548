"use client";
/**
 * "Clean up now": first asks for the preview (a dry run: exactly what the run deletes), shows it in
 * a dialog (how many, the first 100 with their first 80 characters and why, how many are promoted
 * instead), and deletes only on an explicit second click, at the preview's cut-off `asOf`, so the
 * run deletes nothing that was not shown as part of that total.
 */
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { CleanupPreview } from "@/lib/memory/maintenance/cleanup-candidates";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

type Props = {
  slug: string;
  action: WorkspaceActionFn;
  disabled?: boolean;
  onConfirm: (asOf: string) => void;
  onFailure: (failure: ActionFailure) => void;
};

const shown = 100;

export function CleanupButton({ slug, action, disabled, onConfirm, onFailure }: Props) {
  const t = useTranslations("memories");
  const common = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<CleanupPreview | null>(null);
  const [loading, startLoading] = useTransition();

  useEffect(() => {
    if (preview && !dialog.current?.open) dialog.current?.showModal();
  }, [preview]);

  function open() {
    startLoading(async () => {
      const result = await action(slug, { scope: "mine", dryRun: true, limit: shown });
      if (!result.ok) return onFailure(result);
      setPreview((result.data as { preview: CleanupPreview }).preview);
    });
  }

  const nothing = preview !== null && preview.total === 0 && preview.promote === 0;
  return (
    <>
      <Button variant="secondary" size="sm" disabled={disabled || loading} onClick={open}>
        {loading ? t("previewing") : t("cleanupNow")}
      </Button>
      <dialog
        ref={dialog}
        onClose={() => setPreview(null)}
        aria-labelledby="cleanup-preview-title"
        data-testid="cleanup-preview"
        className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {preview && (
          <div className="space-y-3 p-5 text-sm">
            <h2 id="cleanup-preview-title" className="font-semibold">
              {t("cleanupPreview.title")}
            </h2>
            <p data-testid="cleanup-preview-summary">
              {preview.total > 0 ? t("cleanupPreview.summary", { total: preview.total }) : t("cleanupPreview.nothing")}
            </p>
            {preview.promote > 0 && <p>{t("cleanupPreview.promote", { promote: preview.promote })}</p>}
            {preview.items.length > 0 && (
              <ul className="max-h-72 divide-y divide-zinc-100 overflow-y-auto rounded-lg ring-1 ring-zinc-200 dark:divide-zinc-800 dark:ring-zinc-700">
                {preview.items.map((item) => (
                  <li key={item.id} className="px-3 py-2" data-testid="cleanup-preview-item">
                    <p className="line-clamp-2 break-words">{item.preview}</p>
                    <p className="text-xs text-zinc-500">{t(`cleanupPreview.reasons.${item.reason}`)}</p>
                  </li>
                ))}
              </ul>
            )}
            {preview.total > preview.items.length && (
              <p className="text-zinc-500">{t("cleanupPreview.more", { count: preview.total - preview.items.length })}</p>
            )}
            {!nothing && <p className="text-xs text-zinc-500">{t("cleanupPreview.undoHint")}</p>}
            <div className="flex justify-end gap-2 pt-2">
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                {common("cancel")}
              </Button>
              {!nothing && (
                <Button
                  variant="danger"
                  onClick={() => {
                    const asOf = preview.asOf;
                    dialog.current?.close();
                    onConfirm(asOf);
                  }}
                >
                  {preview.total > 0 ? t("cleanupPreview.confirm", { total: preview.total }) : t("cleanupPreview.promoteOnly")}
                </Button>
              )}
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
