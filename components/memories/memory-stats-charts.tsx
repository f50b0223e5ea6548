"use client";
/** Memory statistics: totals, growth per day, by type, top tags, creation by hour (recharts). */
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import type { MemoryPatterns } from "@/lib/memory/analytics/memory-patterns";
import type { MemoryStats } from "@/lib/memory/analytics/memory-stats";

const brand = "#ff2442";

function ChartCard({ title, data, x, y }: { title: string; data: object[]; x: string; y: string }) {
  return (
    <Card className="p-4">
      <h3 className="mb-2 text-sm font-medium">{title}</h3>
      <div className="h-40">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ left: -20, right: 4, top: 4, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey={x} tick={{ fontSize: 10 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
            <Tooltip />
            <Bar dataKey={y} fill={brand} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Card>
  );
}

export function MemoryStatsCharts({ stats, patterns }: { stats: MemoryStats; patterns: MemoryPatterns }) {
  const t = useTranslations("memories");
  const figures = [
    [t("total"), String(stats.total)],
    [t("types.long_term"), String(stats.byType.long_term ?? 0)],
    [t("avgImportance"), stats.averageImportance.toFixed(2)],
    [t("storage"), `${(stats.storageBytes / 1024).toFixed(1)} KB`],
  ];
  return (
    <section className="space-y-3" data-testid="memory-stats">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <Card key={label} className="p-4">
            <p className="text-xs text-zinc-500">{label}</p>
            <p className="mt-1 text-xl font-semibold tabular-nums">{value}</p>
          </Card>
        ))}
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        <ChartCard title={t("growth")} data={stats.growth.map((g) => ({ day: g.day.slice(5), count: g.count }))} x="day" y="count" />
        <ChartCard title={t("topTags")} data={stats.topTags.slice(0, 8)} x="tag" y="count" />
        <ChartCard title={t("byHour")} data={patterns.byHour} x="hour" y="count" />
      </div>
    </section>
  );
}
