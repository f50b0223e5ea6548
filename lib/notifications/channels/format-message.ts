/**
 * Renders a workspace event as a channel message, in the workspace's language (Chinese by
 * default) and time zone: what happened, to which note and account, when, why, and where to act.
 */
import { escapeHtml } from "@/lib/html/escape-html";
import type { ChannelEvent, ChannelMessage } from "./types";

export type MessageLocale = "zh-CN" | "en";

export type MessageInput = {
  event: ChannelEvent | "test";
  locale: MessageLocale;
  timeZone: string;
  /** Where "open the calendar" points: `${appUrl}/${slug}/calendar` (account events: the account's page). */
  appUrl: string;
  slug: string;
  workspaceName: string;
  at: Date;
  title?: string;
  accountName?: string;
  reason?: string | null;
  /** Competitor alerts: the competitor or own account concerned. */
  subjectName?: string;
  figures?: AlertFigures;
  /** Where the link points, inside the workspace (default "/calendar"). */
  path?: string;
};

/** The numbers behind a competitor alert: likes of a viral note, or this week vs last week. */
export type AlertFigures = { likes?: number; threshold?: number; current?: number; previous?: number };

const text = {
  "zh-CN": {
    publish_failed: "发布失败",
    publish_unconfirmed: "发布结果未确认",
    account_needs_login: "账号需要重新登录",
    competitor_viral_note: "竞品爆文",
    competitor_cadence_doubled: "竞品发布频率翻倍",
    own_engagement_drop: "自有账号互动下降",
    test: "测试消息",
    testBody: "这是一条来自 RedMatrix 的测试消息，收到即表示通知渠道配置正确。",
    note: "笔记",
    account: "账号",
    time: "时间",
    reason: "原因",
    open: "打开日历处理",
    openCompetitors: "打开竞品分析",
    unconfirmedHint: "可能已经发出，请到小红书核实后标记为已发布或重试。",
    needsLoginHint: "定时健康检查发现桥接已退出登录，该账号的定时发布会失败：请在桥接程序中重新扫码登录。",
    openAccount: "打开账号处理",
    competitor: "竞品",
    likes: "点赞",
    threshold: "爆文阈值",
    notesWeek: "本周 / 上周发布",
    engagementWeek: "本周 / 上周互动",
    notesUnit: "篇",
    change: "变化",
  },
  en: {
    publish_failed: "Publishing failed",
    publish_unconfirmed: "Publishing not confirmed",
    account_needs_login: "Account needs to log in again",
    competitor_viral_note: "Competitor note went viral",
    competitor_cadence_doubled: "Competitor posting cadence doubled",
    own_engagement_drop: "Own account engagement dropped",
    test: "Test message",
    testBody: "This is a test message from RedMatrix: if you can read it, the channel works.",
    note: "Note",
    account: "Account",
    time: "Time",
    reason: "Reason",
    open: "Open the calendar",
    openCompetitors: "Open competitor analytics",
    unconfirmedHint: "It may have gone out: check on RED, then mark it published or retry.",
    needsLoginHint:
      "The scheduled health check found the bridge logged out, so scheduled posts of this account will fail: scan the QR code in the bridge again.",
    openAccount: "Open the account",
    competitor: "Competitor",
    likes: "Likes",
    threshold: "Viral threshold",
    notesWeek: "Notes this week / last week",
    engagementWeek: "Engagement this week / last week",
    notesUnit: "",
    change: "Change",
  },
} as const;

/** `2026-11-22 20:30 (Asia/Shanghai)`. */
export function formatZoned(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}

type Labels = (typeof text)[MessageLocale];

/** Locale-formatted figures of a competitor alert: likes vs threshold, or this week vs last week with the change. */
function figureRows(input: MessageInput, t: Labels): [string, string][] {
  const f = input.figures;
  if (!f) return [];
  const n = (v: number) => new Intl.NumberFormat(input.locale).format(v);
  const rows: [string, string][] = [];
  if (f.likes !== undefined) rows.push([t.likes, n(f.likes)]);
  if (f.threshold !== undefined) rows.push([t.threshold, n(f.threshold)]);
  if (f.current !== undefined && f.previous !== undefined) {
    const unit = input.event === "competitor_cadence_doubled" ? t.notesUnit : "";
    rows.push([
      input.event === "competitor_cadence_doubled" ? t.notesWeek : t.engagementWeek,
      `${n(f.current)}${unit} / ${n(f.previous)}${unit}`,
    ]);
    if (f.previous > 0)
      rows.push([t.change, `${f.current >= f.previous ? "+" : ""}${Math.round(((f.current - f.previous) / f.previous) * 100)}%`]);
  }
  return rows;
}

export function formatMessage(input: MessageInput): ChannelMessage {
  const t = text[input.locale];
  const heading = `【${input.workspaceName}】${t[input.event]}`;
  const isAccountEvent = input.event === "account_needs_login";
  const isCompetitorAlert = input.event.startsWith("competitor_") || input.event === "own_engagement_drop";
  const link = `${input.appUrl.replace(/\/$/, "")}/${input.slug}${input.path ?? "/calendar"}`;
  const rows: [string, string][] = [];
  if (input.subjectName) rows.push([input.event === "own_engagement_drop" ? t.account : t.competitor, input.subjectName]);
  if (input.title) rows.push([t.note, input.title]);
  if (input.accountName) rows.push([t.account, input.accountName]);
  rows.push(...figureRows(input, t));
  const open = isAccountEvent ? t.openAccount : isCompetitorAlert ? t.openCompetitors : t.open;
  rows.push([t.time, formatZoned(input.at, input.timeZone)]);
  if (input.reason) rows.push([t.reason, input.reason]);
  const lead =
    input.event === "test"
      ? t.testBody
      : input.event === "publish_unconfirmed"
        ? t.unconfirmedHint
        : isAccountEvent
          ? t.needsLoginHint
          : null;
  const markdown = [`### ${heading}`, ...(lead ? [lead] : []), ...rows.map(([k, v]) => `- **${k}**：${v}`), `[${open}](${link})`].join(
    "\n\n",
  );
  const plain = [heading, ...(lead ? [lead] : []), ...rows.map(([k, v]) => `${k}：${v}`), `${open}：${link}`].join("\n");
  const html = [
    `<h3>${escapeHtml(heading)}</h3>`,
    ...(lead ? [`<p>${escapeHtml(lead)}</p>`] : []),
    `<ul>${rows.map(([k, v]) => `<li><b>${escapeHtml(k)}</b>：${escapeHtml(v)}</li>`).join("")}</ul>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p>`,
  ].join("\n");
  return { title: heading, markdown, text: plain, html };
}
