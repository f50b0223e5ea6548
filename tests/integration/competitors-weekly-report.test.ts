/**
 * The weekly competitor report email against a real SMTP server (smtp-server): settings with
 * validation, the signed scheduler webhook sending once per slot, HTML + CSV attachment with the
 * last 7 days, and failures (no email channel, SMTP refusing) recorded for the settings page.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as reportRoute from "@/app/api/webhooks/competitor-report/route";
import type { Db } from "@/db/client";
import { analyticsSettings, auditEvents } from "@/db/schema";
import { weeklyReportWebhookPath } from "@/lib/jobs/job-paths";
import { runDueWeeklyReports } from "@/lib/competitors/reports/run-due-weekly-reports";
import { sendWeeklyReport } from "@/lib/competitors/reports/send-weekly-report";
import { getWeeklyReport, updateWeeklyReport } from "@/lib/competitors/reports/weekly-report-settings";
import { addDays, dayKey, localParts } from "@/lib/competitors/rules/time-buckets";
import { ingestCompetitorData } from "@/lib/competitors/ingest/ingest-competitor-data";
import { createCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { createChannel, updateChannel } from "@/lib/notifications/channels/channel-store";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { signingKeys } from "@/lib/jobs/signing-keys";
import { callRoute } from "../support/call-route";
import { setUpWorkspace } from "../support/fixtures";
import { startSmtpPeer } from "../support/smtp-peer";
import { migratedDb } from "../support/test-db";

const url = `http://localhost:3000${weeklyReportWebhookPath}`;

/** The base64 text/csv attachment of a raw MIME message. */
function csvAttachment(raw: string): { filename: string; text: string } | null {
  const m =
    /Content-Type: text\/csv[^\r\n]*(?:\r\n[ \t][^\r\n]*)*\r\n(?:[^\r\n]+\r\n)*?Content-Disposition: attachment;[\s\S]*?filename=([^\r\n;]+)[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/i.exec(
      raw,
    );
  return m ? { filename: m[1].replace(/"/g, ""), text: Buffer.from(m[2].replace(/\s+/g, ""), "base64").toString("utf8") } : null;
}

describe("weekly competitor report email", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let channelId = "";
  const tz = "Asia/Shanghai";
  const today = dayKey(new Date(), tz);
  const at = (daysAgo: number) => new Date(Date.parse(`${addDays(today, -daysAgo)}T12:00:00+08:00`));
  const call = (body: string, signature?: string) =>
    callRoute(reportRoute.POST as never, weeklyReportWebhookPath, {
      method: "POST",
      rawBody: body,
      headers: signature ? { "upstash-signature": signature } : {},
    });
  const recipients = ["lead@example.com", "ops@example.com"];

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    smtp = await startSmtpPeer({ user: "bot", password: "pw" });
    const c = await createCompetitor(db, ws.admin, { name: "完美日记", redUserId: "pd" });
    await ingestCompetitorData(
      db,
      ws.admin,
      c.id,
      {
        profiles: [
          { takenAt: at(8), followers: 10_000 },
          { takenAt: at(1), followers: 12_500 },
        ],
        notes: [
          {
            noteId: "w1",
            title: '=HYPERLINK("x") 秋冬底妆',
            body: "",
            topics: [],
            type: "normal",
            imagesCount: 1,
            publishedAt: at(2),
            likes: 4321,
            collects: 100,
            comments: 10,
            shares: 5,
          },
        ],
      },
      "api",
    );
  });
  afterAll(() => smtp?.close());

  it("refuses to send without an enabled email channel, and says so in the settings", async () => {
    await expect(sendWeeklyReport(db, ws.workspaceId, { recipients })).rejects.toMatchObject({ code: "NO_EMAIL_CHANNEL", status: 422 });
    expect((await getWeeklyReport(db, ws.workspaceId)).lastError).toBe("no enabled email channel");
  });

  it("saves settings (audited); switching on waits for the next slot", async () => {
    channelId = (
      await createChannel(db, ws.admin, {
        kind: "email",
        name: "邮件",
        enabled: true,
        events: ["publish_failed"],
        config: {
          host: smtp.host,
          port: smtp.port,
          secure: false,
          user: "bot",
          password: "pw",
          from: "robot@example.com",
          to: ["ops@example.com"],
        },
      })
    ).id;
    const { weekday, hour } = localParts(new Date(), tz);
    await updateWeeklyReport(db, ws.admin, { enabled: true, recipients, weekday: weekday + 1, hour });
    expect(await getWeeklyReport(db, ws.workspaceId)).toMatchObject({ enabled: true, recipients, weekday: weekday + 1, hour });
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, "analytics.weekly_report.update"))).length).toBe(1);
    const body = "{}";
    const res = await call(body, signQstashRequest({ url, body, key: signingKeys().current }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ sent: 0, results: [] });
    expect(smtp.received).toHaveLength(0);
  });

  it("sends once per slot through the signed webhook: HTML in Chinese and a formula-safe CSV of the last 7 days", async () => {
    const body = "{}";
    expect((await call(body)).status).toBe(401);
    // As if the report had last gone out a week ago: this week's slot (now's local hour) has passed.
    await db
      .update(analyticsSettings)
      .set({ weeklyReportLastRunAt: new Date(Date.now() - 7 * 86_400_000) })
      .where(eq(analyticsSettings.workspaceId, ws.workspaceId));
    const res = await call(body, signQstashRequest({ url, body, key: signingKeys().current }));
    expect(res.json).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    const week = { from: addDays(today, -7), to: addDays(today, -1) };
    expect(mail.to).toEqual(recipients);
    expect(mail.authUser).toBe("bot");
    expect(mail.subject).toBe(`【Test Brand】竞品周报 ${week.from} – ${week.to}`);
    for (const part of ["完美日记", "12,500", "4,321", `/competitor-report?from=${week.from}&amp;to=${week.to}`])
      expect(mail.html).toContain(part);
    expect(mail.text).toContain("统计周期");
    const csv = csvAttachment(mail.raw)!;
    expect(csv.filename).toBe(`competitor-report-${week.from}-${week.to}.csv`);
    expect(csv.text).toContain("完美日记,competitor,12500");
    expect(csv.text).toContain(`"'=HYPERLINK(""x"") 秋冬底妆"`);
    expect(await getWeeklyReport(db, ws.workspaceId)).toMatchObject({ lastError: null, lastSentAt: expect.any(Date) });

    const again = await call(body, signQstashRequest({ url, body, key: signingKeys().next }));
    expect(again.json).toEqual({ sent: 0, results: [] });
    expect(smtp.received).toHaveLength(1);
  });

  it("records an SMTP refusal and keeps other workspaces going", async () => {
    await updateChannel(db, ws.admin, channelId, {
      config: {
        host: smtp.host,
        port: smtp.port,
        secure: false,
        user: "bot",
        password: "wrong",
        from: "robot@example.com",
        to: ["ops@example.com"],
      },
    });
    await db.update(analyticsSettings).set({ weeklyReportLastRunAt: null }).where(eq(analyticsSettings.workspaceId, ws.workspaceId));
    const run = await runDueWeeklyReports(db);
    expect(run).toEqual({ sent: 0, results: [{ workspaceId: ws.workspaceId, ok: false, error: "REPORT_SEND_FAILED" }] });
    expect((await getWeeklyReport(db, ws.workspaceId)).lastError).toMatch(/^SMTP: .*(535|Invalid)/);
    expect(smtp.received).toHaveLength(1);
  });
});
