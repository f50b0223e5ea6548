"use client";
/**
 * After the confirmation step: which accounts, when (now, or a time in the workspace zone),
 * staggered by how many minutes; a preview with each account's rules and the next free slot;
 * then one click creates the batch and opens its live progress. One batch key per plan: a
 * second click (or a retry after an error) returns the batch the first one made, never a second.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { draftApi, type ApiError } from "@/components/drafts/draft-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";

type Account = { id: string; name: string };
type Planned = {
  accountId: string;
  accountName: string;
  runAt: string;
  violations: { rule: string }[];
  nextFreeSlot: string | null;
  blocked: string | null;
};
type Plan = { timezone: string; jobs: Planned[]; warnings: { code: string; accounts: number; withinMinutes: number }[] };

type Refusal = { accountId: string; accountName: string; blocked: string | null; rules: string[]; nextFreeSlot: string | null };
/** Which accounts refused the plan and why (the server's 422 details), so "spacing" is never said without saying where. */
const refusals = (error: ApiError): Refusal[] => (Array.isArray(error.details?.refused) ? (error.details.refused as Refusal[]) : []);

export function ScheduleForm({
  slug,
  draftId,
  accounts,
  acknowledged,
}: {
  slug: string;
  draftId: string;
  accounts: Account[];
  acknowledged: string[];
}) {
  const t = useTranslations("calendar.schedule");
  const locale = useLocale();
  const router = useRouter();
  const [selected, setSelected] = useState(accounts.map((a) => a.id));
  const [when, setWhen] = useState<"now" | "at">("now");
  const [runAtLocal, setRunAtLocal] = useState("");
  const [stagger, setStagger] = useState(30);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [copiesTicked, setCopiesTicked] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [batchKey, setBatchKey] = useState<string | null>(null);
  const body = { accountIds: selected, staggerMinutes: stagger, ...(when === "at" && runAtLocal ? { runAtLocal } : {}) };
  const fmt = (iso: string, zone: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(new Date(iso));
  const blocked = !plan || plan.jobs.some((j) => j.blocked || j.violations.length) || (plan.warnings.length > 0 && !copiesTicked);

  async function preview() {
    const res = await draftApi<Plan>(slug, `/drafts/${draftId}/schedule/preview`, { method: "POST", body });
    setPlan(res.ok ? res.data : null);
    setBatchKey(res.ok ? crypto.randomUUID() : null); // a new plan is a new batch
    setError(res.ok ? null : res.error);
  }

  async function submit() {
    setBusy(true);
    const acks = [...acknowledged, ...(copiesTicked ? plan!.warnings.map((w) => w.code) : [])];
    const res = await draftApi<{ batchId: string }>(slug, `/drafts/${draftId}/schedule`, {
      method: "POST",
      body: { ...body, acknowledged: acks, batchKey: batchKey ?? undefined },
    });
    setBusy(false);
    if (res.ok) router.push(`/${slug}/calendar/batches/${res.data.batchId}`);
    else setError(res.error);
  }

  return (
    <div className="space-y-3 border-t border-zinc-100 pt-3 text-sm dark:border-zinc-800" data-testid="schedule-form">
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("accounts")}</legend>
        {accounts.map((a) => (
          <label key={a.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={selected.includes(a.id)}
              onChange={(e) => (setPlan(null), setSelected((s) => (e.target.checked ? [...s, a.id] : s.filter((x) => x !== a.id))))}
            />
            {a.name}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5">
          <input type="radio" checked={when === "now"} onChange={() => (setPlan(null), setWhen("now"))} />
          {t("now")}
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" checked={when === "at"} onChange={() => (setPlan(null), setWhen("at"))} />
          {t("at")}
        </label>
        {when === "at" && (
          <TextInput
            type="datetime-local"
            name="runAtLocal"
            aria-label={t("at")}
            value={runAtLocal}
            onChange={(e) => (setPlan(null), setRunAtLocal(e.target.value))}
            className="w-auto"
          />
        )}
      </div>
      <label className="flex items-center gap-2">
        {t("stagger")}
        <TextInput
          type="number"
          name="stagger"
          min={0}
          max={1440}
          value={stagger}
          onChange={(e) => (setPlan(null), setStagger(Number(e.target.value)))}
          className="w-20"
        />
      </label>
      <Button size="sm" variant="secondary" disabled={selected.length === 0} onClick={preview}>
        {t("preview")}
      </Button>
      {plan && (
        <div className="space-y-2" data-testid="schedule-plan">
          <table className="w-full text-xs">
            <tbody>
              {plan.jobs.map((j) => (
                <tr key={j.accountId} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-2 font-medium">{j.accountName}</td>
                  <td className="py-1 pr-2 tabular-nums">{fmt(j.runAt, plan.timezone)}</td>
                  <td className="py-1 text-red-600">
                    {j.blocked ? t("blocked", { status: j.blocked }) : j.violations.map((v) => t(`rules.${v.rule}`)).join("、")}
                    {j.nextFreeSlot && (
                      <span className="block text-zinc-500">{t("nextFree", { time: fmt(j.nextFreeSlot, plan.timezone) })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.warnings.map((w) => (
            <label key={w.code} className="flex items-start gap-2 text-amber-800 dark:text-amber-300">
              <input type="checkbox" className="mt-1" checked={copiesTicked} onChange={(e) => setCopiesTicked(e.target.checked)} />
              {t("copiesWarning", { count: w.accounts, minutes: w.withinMinutes })}
            </label>
          ))}
          <Button size="sm" disabled={blocked || busy} onClick={submit}>
            {t("submit", { count: plan.jobs.length })}
          </Button>
        </div>
      )}
      {error && (
        <Alert tone="error">
          {error.message} {error.suggestion}
          {refusals(error).map((r) => (
            <span key={r.accountId} className="block">
              {r.accountName}：{r.blocked ? t("blocked", { status: r.blocked }) : r.rules.map((rule) => t(`rules.${rule}`)).join("、")}
              {r.nextFreeSlot && plan ? ` · ${t("nextFree", { time: fmt(r.nextFreeSlot, plan.timezone) })}` : ""}
            </span>
          ))}
        </Alert>
      )}
    </div>
  );
}
