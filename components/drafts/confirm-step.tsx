"use client";
/**
 * The confirmation before scheduling: what goes where, every check; errors block, each warning
 * needs a tick. Ends in "ready to schedule" (the scheduler itself belongs to another module).
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { NoteCheck } from "@/lib/drafts/note-checks";
import { ScheduleForm } from "@/components/scheduling/schedule-form";
import { draftApi, type ApiError } from "./draft-api";
import type { PreviewAccount } from "./phone-preview";

export function ConfirmStep({
  slug,
  draftId,
  title,
  topics,
  checks,
  accounts,
  needsApproval,
  beforeConfirm,
}: {
  slug: string;
  draftId: string;
  title: string;
  topics: string[];
  checks: NoteCheck[];
  accounts: PreviewAccount[];
  needsApproval: boolean;
  beforeConfirm: () => Promise<void>;
}) {
  const t = useTranslations("drafts.confirm");
  const tc = useTranslations("drafts.checks");
  const [ticked, setTicked] = useState<string[]>([]);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: ApiError } | null>(null);
  const errors = checks.filter((c) => c.severity === "error");
  const warnings = checks.filter((c) => c.severity === "warning");
  const blocked = errors.length > 0 || needsApproval || warnings.some((w) => !ticked.includes(w.code));

  async function confirm() {
    await beforeConfirm();
    const res = await draftApi(slug, `/drafts/${draftId}/confirm`, { method: "POST", body: { acknowledged: ticked } });
    setResult(res.ok ? { ok: true } : { ok: false, error: res.error });
  }

  return (
    <div className="space-y-3 text-sm" data-testid="confirm-step">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-zinc-500">{t("what")}</dt>
        <dd className="font-medium">{title || "—"}</dd>
        <dt className="text-zinc-500">{t("where")}</dt>
        <dd>{accounts.length ? accounts.map((a) => a.name).join("、") : t("noAccounts")}</dd>
        <dt className="text-zinc-500">{t("topics")}</dt>
        <dd>{topics.length ? topics.map((x) => `#${x}`).join(" ") : "—"}</dd>
        <dt className="text-zinc-500">{t("when")}</dt>
        <dd>{t("whenLater")}</dd>
      </dl>
      {errors.length > 0 && (
        <Alert tone="error" title={t("errorsBlock")}>
          {errors.map((e) => tc(e.code, e.params)).join("；")}
        </Alert>
      )}
      {needsApproval && <Alert tone="error">{t("needsApproval")}</Alert>}
      {warnings.map((w) => (
        <label key={w.code} className="flex items-start gap-2">
          <input
            type="checkbox"
            checked={ticked.includes(w.code)}
            onChange={(e) => setTicked((x) => (e.target.checked ? [...x, w.code] : x.filter((c) => c !== w.code)))}
            className="mt-1"
          />
          <span>{t("acknowledge", { warning: tc(w.code, w.params) })}</span>
        </label>
      ))}
      <Button size="sm" disabled={blocked} onClick={confirm}>
        {t("confirm")}
      </Button>
      {result?.ok && <Alert tone="success">{t("ready")}</Alert>}
      {result?.ok && <ScheduleForm slug={slug} draftId={draftId} accounts={accounts} acknowledged={ticked} />}
      {result && !result.ok && (
        <Alert tone="error">
          {result.error.message} {result.error.suggestion}
        </Alert>
      )}
    </div>
  );
}
