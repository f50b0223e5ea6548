import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const tone = { active: "green", paused: "gray", needs_login: "amber", error: "red" } as const;
type Status = keyof typeof tone;

/** An account status as a coloured badge with the reason as its tooltip; `label` already translated (no hook: cheap in 100-row tables). */
export function StatusBadgeView({ status, reason, label }: { status: string; reason?: string | null; label: string }) {
  return (
    <span title={reason ?? undefined} data-testid="status-badge" data-status={status}>
      <Badge tone={tone[status as Status] ?? "gray"}>{label}</Badge>
    </span>
  );
}

export function StatusBadge({ status, reason }: { status: string; reason?: string | null }) {
  const t = useTranslations("accounts.statuses");
  return <StatusBadgeView status={status} reason={reason} label={t(status as Status)} />;
}

const breakerTone = { closed: "green", open: "red", half_open: "amber" } as const;
export type BreakerState = keyof typeof breakerTone;

export function BreakerBadgeView({ state, label }: { state?: BreakerState; label: string }) {
  if (!state) return null;
  return <Badge tone={breakerTone[state]}>{label}</Badge>;
}

export function BreakerBadge({ state }: { state?: BreakerState }) {
  const t = useTranslations("matrix.breaker");
  return <BreakerBadgeView state={state} label={state ? t(state) : ""} />;
}
