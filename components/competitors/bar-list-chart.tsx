"use client";
/** A horizontal bar chart for ranked categories (share of voice, topics, keywords, title length). */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatPercent } from "./format";

type Props = {
  data: { label: string; value: number }[];
  locale: string;
  percent?: boolean;
  color?: string;
  height?: number;
  testId?: string;
  valueName: string;
};

export function BarListChart({ data, locale, percent, color = "#ff2442", height, testId, valueName }: Props) {
  const fmt = (v: number) => (percent ? formatPercent(v) : formatCount(v, locale));
  return (
    <div data-testid={testId} className="w-full" style={{ height: height ?? Math.max(120, data.length * 30 + 30) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12, fill: "#71717a" }} tickFormatter={fmt} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12, fill: "#3f3f46" }} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Bar dataKey="value" name={valueName} fill={color} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
