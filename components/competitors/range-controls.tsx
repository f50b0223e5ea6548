"use client";
/** Date range, granularity and subject selection, kept in the URL so views can be shared and printed. */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type Subject = { key: string; name: string; type: "competitor" | "account" };
/** maxHourDays: offer "hour" (overview only), enabled while the range is at most this many days. */
type Props = {
  from: string;
  to: string;
  granularity: string;
  today: string;
  subjects?: Subject[];
  selected?: string[];
  showGranularity?: boolean;
  maxHourDays?: number;
};

function minus(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

export function RangeControls({ from, to, granularity, today, subjects, selected, showGranularity = true, maxHourDays }: Props) {
  const t = useTranslations("competitors.range");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [picked, setPicked] = useState<string[]>(selected ?? []);
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes))
      if (v === null) next.delete(k);
      else next.set(k, v);
    router.push(`${pathname}?${next.toString()}`);
  };
  const presets = [7, 30, 90, 180, 365];
  const spanDays = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  const granularities = maxHourDays ? (["hour", "day", "week", "month"] as const) : (["day", "week", "month"] as const);
  return (
    <div className="flex flex-wrap items-end gap-3 print:hidden" data-testid="range-controls">
      <div className="flex flex-wrap gap-1" role="group" aria-label={t("presets")}>
        {presets.map((days) => (
          <Button
            key={days}
            size="sm"
            variant={from === minus(to, days - 1) && to === today ? "primary" : "secondary"}
            onClick={() => go({ from: minus(today, days - 1), to: today, g: null })}
          >
            {t("lastDays", { days })}
          </Button>
        ))}
      </div>
      <label className="text-xs text-zinc-500">
        {t("from")}
        <input
          type="date"
          name="from"
          value={from}
          max={to}
          onChange={(e) => e.target.value && go({ from: e.target.value })}
          className="mt-1 block rounded-lg border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <label className="text-xs text-zinc-500">
        {t("to")}
        <input
          type="date"
          name="to"
          value={to}
          min={from}
          max={today}
          onChange={(e) => e.target.value && go({ to: e.target.value })}
          className="mt-1 block rounded-lg border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      {showGranularity && (
        <label className="text-xs text-zinc-500">
          {t("granularity")}
          <select
            name="g"
            value={granularity}
            onChange={(e) => go({ g: e.target.value })}
            className="mt-1 block rounded-lg border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {granularities.map((g) => {
              const tooLong = g === "hour" && spanDays > (maxHourDays ?? 0);
              return (
                <option key={g} value={g} disabled={tooLong}>
                  {tooLong ? t("hourHint", { days: maxHourDays ?? 0 }) : t(g)}
                </option>
              );
            })}
          </select>
        </label>
      )}
      {subjects && subjects.length > 0 && (
        <details className="relative">
          <summary className="cursor-pointer rounded-lg px-2.5 py-1 text-sm ring-1 ring-zinc-200 dark:ring-zinc-700">
            {t("subjects", { count: picked.length })}
          </summary>
          <div className="absolute z-20 mt-1 max-h-80 w-64 overflow-auto rounded-lg border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
            {subjects.map((s) => (
              <label key={s.key} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800">
                <input
                  type="checkbox"
                  checked={picked.includes(s.key)}
                  onChange={(e) => setPicked(e.target.checked ? [...picked, s.key] : picked.filter((k) => k !== s.key))}
                />
                <span className="truncate">{s.name}</span>
                <span className="ml-auto text-xs text-zinc-400">{s.type === "account" ? t("own") : t("competitor")}</span>
              </label>
            ))}
            <div className="mt-2 flex gap-2">
              <Button size="sm" onClick={() => go({ s: picked.length ? picked.join(",") : null })}>
                {t("apply")}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setPicked([]);
                  go({ s: null });
                }}
              >
                {t("reset")}
              </Button>
            </div>
          </div>
        </details>
      )}
    </div>
  );
}
