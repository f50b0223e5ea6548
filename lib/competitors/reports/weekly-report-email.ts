/**
 * The weekly competitor report as an email (pure): subject, plain text and HTML in the
 * workspace's language, a link to the printable report, and the CSV as an attachment.
 */
import { escapeHtml } from "@/lib/html/escape-html";
import type { Email } from "@/lib/notifications/channels/email";
import { competitorReportCsv, type CompetitorReport } from "./competitor-report";

type Locale = "zh-CN" | "en";

const labels = {
  "zh-CN": {
    subject: "竞品周报",
    period: "统计周期",
    open: "打开可打印的完整报告",
    accounts: "账号对比",
    notes: "本周热门笔记",
    none: "本周没有采集到数据。",
    cols: ["账号", "粉丝", "粉丝增长", "笔记", "互动", "篇均互动", "互动率", "CES（行业估算）"],
    noteCols: ["标题", "作者", "点赞", "收藏", "评论", "互动"],
    own: "自有",
    csv: "附件为 CSV 明细（可用 Excel 打开）。",
  },
  en: {
    subject: "Weekly competitor report",
    period: "Period",
    open: "Open the full printable report",
    accounts: "Accounts compared",
    notes: "Top notes this week",
    none: "Nothing was collected this week.",
    cols: ["Account", "Followers", "Follower growth", "Notes", "Engagement", "Per note", "Engagement rate", "CES (industry estimate)"],
    noteCols: ["Title", "Author", "Likes", "Collects", "Comments", "Engagement"],
    own: "own",
    csv: "The CSV with all figures is attached (opens in Excel).",
  },
} as const;

export type WeeklyEmailInput = {
  report: CompetitorReport;
  locale: Locale;
  timeZone: string;
  workspaceName: string;
  reportUrl: string;
  to: string[];
};

export function weeklyReportEmail(input: WeeklyEmailInput): Email {
  const t = labels[input.locale];
  const { report } = input;
  const n = (v: number | null, digits = 0) =>
    v === null ? "—" : new Intl.NumberFormat(input.locale, { maximumFractionDigits: digits }).format(v);
  const pct = (v: number | null, digits = 1) => (v === null ? "—" : `${(v * 100).toFixed(digits)}%`);
  const subject = `【${input.workspaceName}】${t.subject} ${report.from} – ${report.to}`;
  const rows = report.rows.map((r) => [
    `${r.name}${r.type === "account" ? ` (${t.own})` : ""}`,
    n(r.followers),
    pct(r.followerGrowthRate),
    n(r.notes),
    n(r.engagement),
    n(r.engagementPerNote, 1),
    pct(r.engagementRate, 2),
    n(r.ces),
  ]);
  const notes = report.topNotes
    .slice(0, 10)
    .map((x) => [x.title || "—", x.author, n(x.likes), n(x.collects), n(x.comments), n(x.engagement)]);
  const table = (head: readonly string[], body: string[][]) =>
    `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${head.map((h) => `<th style="text-align:left;border-bottom:2px solid #ff2442;padding:4px 8px">${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${body
      .map((r) => `<tr>${r.map((c) => `<td style="border-bottom:1px solid #eee;padding:4px 8px">${escapeHtml(c)}</td>`).join("")}</tr>`)
      .join("")}</tbody></table>`;
  const empty = rows.length === 0;
  const html = [
    `<h2 style="color:#ff2442">${escapeHtml(subject)}</h2>`,
    `<p>${escapeHtml(t.period)}：${report.from} – ${report.to} (${escapeHtml(input.timeZone)})</p>`,
    empty ? `<p>${escapeHtml(t.none)}</p>` : `<h3>${escapeHtml(t.accounts)}</h3>${table(t.cols, rows)}`,
    notes.length ? `<h3>${escapeHtml(t.notes)}</h3>${table(t.noteCols, notes)}` : "",
    `<p><a href="${escapeHtml(input.reportUrl)}">${escapeHtml(t.open)}</a></p>`,
    `<p style="color:#888;font-size:12px">${escapeHtml(t.csv)}</p>`,
  ].join("\n");
  const text = [
    subject,
    `${t.period}：${report.from} – ${report.to} (${input.timeZone})`,
    "",
    ...(empty ? [t.none] : [t.accounts, ...rows.map((r) => r.join(" | "))]),
    ...(notes.length ? ["", t.notes, ...notes.map((r) => r.join(" | "))] : []),
    "",
    `${t.open}：${input.reportUrl}`,
    t.csv,
  ].join("\n");
  const csv = competitorReportCsv(report, input.timeZone);
  return {
    to: input.to,
    subject,
    text,
    html,
    attachments: [{ filename: `competitor-report-${report.from}-${report.to}.csv`, content: csv, contentType: "text/csv; charset=utf-8" }],
  };
}
