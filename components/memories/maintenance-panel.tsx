"use client";
/**
 * "Compress now" and "Clean up now": confirm (cleanup shows its preview of exactly what it deletes),
 * run (showing the run's progress), show what happened, offer undo.
 */
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { CleanupButton } from "./cleanup-button";
import { useRunProgress } from "./use-run-progress";

type Actions = { compress: WorkspaceActionFn; cleanup: WorkspaceActionFn; undo: WorkspaceActionFn };
type RunResult = { batchId: string; clusters?: number; merged?: number; skipped?: number; removed?: number; promoted?: number };

export function MaintenancePanel({ slug, actions }: { slug: string; actions: Actions }) {
  const t = useTranslations("memories");
  const [pending, startTransition] = useTransition();
  const [summary, setSummary] = useState<{ text: string; batchId: string | null } | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [runningKind, setRunningKind] = useState<"compress" | "cleanup" | null>(null);
  const progress = useRunProgress(slug, runningKind);

  const phaseLabel = (phase: string) => (t.has(`runPhase.${phase}`) ? t(`runPhase.${phase}`) : t("running"));

  function run(kind: "compress" | "cleanup", input: { asOf?: string } = {}) {
    startTransition(async () => {
      setRunningKind(kind);
      const result = await actions[kind](slug, { scope: "mine", ...input }).finally(() => setRunningKind(null));
      if (!result.ok) return setFailure(result);
      setFailure(null);
      const r = result.data as RunResult;
      const text =
        kind === "compress"
          ? [
              t("compressResult", { merged: r.merged ?? 0, clusters: r.clusters ?? 0 }),
              r.skipped ? t("compressSkipped", { skipped: r.skipped }) : "",
            ]
              .filter(Boolean)
              .join(" ")
          : t("cleanupResult", { removed: r.removed ?? 0, promoted: r.promoted ?? 0 });
      const undoable = kind === "compress" ? (r.clusters ?? 0) > 0 : (r.removed ?? 0) > 0;
      setSummary({ text, batchId: undoable ? r.batchId : null });
    });
  }

  function undo(batchId: string) {
    startTransition(async () => {
      const result = await actions.undo(slug, { batchId });
      if (!result.ok) return setFailure(result);
      const r = result.data as { restored: number; removed: number };
      setSummary({ text: t("undone", r), batchId: null });
    });
  }

  return (
    <div className="space-y-2" data-testid="maintenance-panel">
      <div className="flex flex-wrap gap-2">
        <ConfirmButton
          label={t("compressNow")}
          message={t("compressConfirm")}
          confirmLabel={t("compressNow")}
          onConfirm={() => run("compress")}
          disabled={pending}
        />
        <CleanupButton
          slug={slug}
          action={actions.cleanup}
          disabled={pending}
          onConfirm={(asOf) => run("cleanup", { asOf })}
          onFailure={setFailure}
        />
        {pending && (
          <span className="self-center text-sm text-zinc-500" data-testid="maintenance-progress">
            {progress && progress.total > 0
              ? t("runProgress", { phase: phaseLabel(progress.phase), done: progress.done, total: progress.total })
              : t("running")}
          </span>
        )}
      </div>
      {summary && (
        <Alert tone="success">
          <span data-testid="maintenance-summary">{summary.text}</span>
          {summary.batchId && (
            <Button variant="ghost" size="sm" className="ml-2" onClick={() => undo(summary.batchId!)} disabled={pending}>
              {t("undo")}
            </Button>
          )}
        </Alert>
      )}
      <ActionError failure={failure} />
    </div>
  );
}
