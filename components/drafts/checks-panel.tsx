"use client";
/** Every rule the note breaks, errors first, each in words (translated from the check's code). */
import { AlertTriangle, CheckCircle2, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import type { NoteCheck } from "@/lib/drafts/note-checks";

export function ChecksPanel({ checks }: { checks: NoteCheck[] }) {
  const t = useTranslations("drafts.checks");
  const sorted = [...checks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  if (!sorted.length) {
    return (
      <p className="flex items-center gap-2 text-sm text-emerald-700" data-testid="checks-ok">
        <CheckCircle2 className="size-4" /> {t("allGood")}
      </p>
    );
  }
  return (
    <ul className="space-y-1.5 text-sm" data-testid="checks">
      {sorted.map((c) => (
        <li key={c.code} data-severity={c.severity} className="flex items-start gap-2">
          {c.severity === "error" ? (
            <XCircle className="mt-0.5 size-4 shrink-0 text-red-600" />
          ) : (
            <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600" />
          )}
          <span>{t(c.code, c.params)}</span>
        </li>
      ))}
    </ul>
  );
}
