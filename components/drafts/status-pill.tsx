"use client";
/** Where the words are: saved, saving, waiting to retry offline, in conflict, or refused. */
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { SaveStatus } from "./use-autosave";

const tone: Record<SaveStatus, string> = {
  saved: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  dirty: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300",
  saving: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300",
  offline: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  conflict: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  too_large: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  error: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
};

export function StatusPill({ status }: { status: SaveStatus }) {
  const t = useTranslations("drafts.save");
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status}
      className={cn("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium", tone[status])}
    >
      <span className={cn("size-1.5 rounded-full bg-current", status === "saving" && "animate-pulse")} />
      {t(status)}
    </span>
  );
}
