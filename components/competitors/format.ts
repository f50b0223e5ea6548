/** Number formatting for dashboards: 万/亿 in Chinese, K/M in English; percentages; dates. */
export function formatCount(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const abs = Math.abs(value);
  if (locale.startsWith("zh")) {
    if (abs >= 100_000_000) return `${trim(value / 100_000_000)}亿`;
    if (abs >= 10_000) return `${trim(value / 10_000)}万`;
    return Math.round(value).toLocaleString("zh-CN");
  }
  return new Intl.NumberFormat("en", { notation: abs >= 10_000 ? "compact" : "standard", maximumFractionDigits: 1 }).format(value);
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, "");
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatChange(value: number | null): { text: string; tone: "up" | "down" | "flat" } {
  if (value === null) return { text: "—", tone: "flat" };
  const tone = value > 0.0005 ? "up" : value < -0.0005 ? "down" : "flat";
  return { text: `${value > 0 ? "+" : ""}${(value * 100).toFixed(1)}%`, tone };
}

export function formatDay(ms: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(ms));
}

/** Distinct, print-friendly colours; own accounts get RED's brand red first. */
export const palette = [
  "#ff2442",
  "#2563eb",
  "#16a34a",
  "#f59e0b",
  "#9333ea",
  "#0891b2",
  "#db2777",
  "#65a30d",
  "#ea580c",
  "#475569",
  "#0d9488",
  "#7c3aed",
];
