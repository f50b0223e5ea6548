"use client";
/** A multi-series line or bar chart over time buckets (recharts), one series per subject. */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, palette } from "./format";

export type TrendSeries = { key: string; name: string };

type Props = {
  data: Record<string, string | number | null>[];
  series: TrendSeries[];
  kind?: "line" | "bar";
  locale: string;
  height?: number;
  testId?: string;
};

/** "2026-11-21" -> "11-21"; an hour bucket "2026-11-21T14" -> "11-21 14:00" (already local time). */
function bucketLabel(bucket: string): string {
  return bucket.length > 10 ? `${bucket.slice(5, 10)} ${bucket.slice(11, 13)}:00` : bucket.slice(5);
}

export function TrendChart({ data, series, kind = "line", locale, height = 280, testId }: Props) {
  const axis = { fontSize: 12, fill: "#71717a" };
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" vertical={false} />
      <XAxis dataKey="bucket" tick={axis} tickFormatter={bucketLabel} minTickGap={16} />
      <YAxis tick={axis} width={56} tickFormatter={(v: number) => formatCount(v, locale)} />
      <Tooltip
        formatter={(v) => formatCount(Number(v), locale)}
        labelFormatter={(v) => bucketLabel(String(v))}
        labelStyle={{ fontWeight: 600 }}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <div data-testid={testId} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "line" ? (
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            {common}
            {series.map((s, i) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.name}
                stroke={palette[i % palette.length]}
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            {common}
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="a" fill={palette[i % palette.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
