/** KPI cards with the change vs the previous period of the same length. */
import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatChange, formatCount } from "./format";

export type KpiItem = { id: string; label: string; hint?: string; value: number; change: number | null; previousLabel: string };

export function KpiGrid({ items, locale }: { items: KpiItem[]; locale: string }) {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
      {items.map((k) => {
        const change = formatChange(k.change);
        const Icon = change.tone === "up" ? ArrowUpRight : change.tone === "down" ? ArrowDownRight : Minus;
        return (
          <Card key={k.id} className="p-4" data-testid={`kpi-${k.id}`}>
            <p className="text-xs text-zinc-500" title={k.hint}>
              {k.label}
            </p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">{formatCount(k.value, locale)}</p>
            <p
              className={cn(
                "mt-1 flex items-center gap-1 text-xs tabular-nums",
                change.tone === "up" ? "text-emerald-600" : change.tone === "down" ? "text-red-600" : "text-zinc-400",
              )}
            >
              <Icon className="size-3.5" aria-hidden /> {change.text} <span className="text-zinc-400">{k.previousLabel}</span>
            </p>
          </Card>
        );
      })}
    </div>
  );
}
