import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const tone = { active: "green", paused: "gray", needs_login: "amber", error: "red" } as const;
type Status = keyof typeof tone;

/** An account status as a coloured badge, with the reason as its tooltip. */
export function StatusBadge({ status, reason }: { status: string; reason?: string | null }) {
  const t = useTranslations("accounts.statuses");
  return (
    <span title={reason ?? undefined} data-testid="status-badge" data-status={status}>
      <Badge tone={tone[status as Status] ?? "gray"}>{t(status as Status)}</Badge>
    </span>
  );
}

const breakerTone = { closed: "green", open: "red", half_open: "amber" } as const;

export function BreakerBadge({ state }: { state?: "closed" | "open" | "half_open" }) {
  const t = useTranslations("matrix.breaker");
  if (!state) return null;
  return <Badge tone={breakerTone[state]}>{t(state)}</Badge>;
}
