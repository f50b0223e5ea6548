/**
 * Competitor alerts reach the workspace's channels (a local WeCom/DingTalk robot stand-in and a
 * real SMTP server) and the in-app notifications, in the workspace's language, with a link to
 * what the alert is about. Channels not subscribed to an alert's event hear nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { notifications, workspaces } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { announceAlerts } from "@/lib/competitors/alerts/announce-alerts";
import { addDays, dayKey } from "@/lib/competitors/rules/time-buckets";
import { ingestCompetitorData } from "@/lib/competitors/ingest/ingest-competitor-data";
import { ingestSubjectData } from "@/lib/competitors/ingest/ingest-subject-data";
import { createCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { createChannel } from "@/lib/notifications/channels/channel-store";
import { startFakeRobotServer } from "../support/fake-robot-server";
import { setUpWorkspace } from "../support/fixtures";
import { startSmtpPeer } from "../support/smtp-peer";
import { migratedDb } from "../support/test-db";

describe("competitor alerts on notification channels", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let robot: Awaited<ReturnType<typeof startFakeRobotServer>>;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  const tz = "Asia/Shanghai";
  const today = dayKey(new Date(), tz);
  const at = (daysAgo: number) => new Date(Date.parse(`${addDays(today, -daysAgo)}T12:00:00+08:00`));
  const note = (id: string, daysAgo: number, likes: number, title = `标题${id}`) => ({
    noteId: id,
    title,
    body: "",
    topics: [],
    type: "normal" as const,
    imagesCount: 1,
    publishedAt: at(daysAgo),
    likes,
    collects: 0,
    comments: 0,
    shares: 0,
  });
  const wecomTexts = () => robot.received.filter((m) => m.robot === "wecom").map((m) => (m.body.markdown as { content: string }).content);

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    robot = await startFakeRobotServer({ wecomKey: "wk", dingtalkToken: "dt" });
    smtp = await startSmtpPeer();
    await createChannel(db, ws.admin, {
      kind: "wecom",
      name: "运营群",
      enabled: true,
      events: ["competitor_viral_note", "competitor_cadence_doubled", "own_engagement_drop"],
      config: { baseUrl: `${robot.url}/cgi-bin/webhook/send`, key: "wk" },
    });
    await createChannel(db, ws.admin, {
      kind: "dingtalk",
      name: "只看发布",
      enabled: true,
      events: ["publish_failed"],
      config: { baseUrl: `${robot.url}/robot/send`, accessToken: "dt", signed: false },
    });
    await createChannel(db, ws.admin, {
      kind: "email",
      name: "邮件",
      enabled: true,
      events: ["competitor_viral_note"],
      config: { host: smtp.host, port: smtp.port, secure: false, from: "bot@example.com", to: ["team@example.com"] },
    });
  });
  afterAll(async () => {
    await robot?.close();
    await smtp?.close();
  });

  it("sends a viral competitor note to the subscribed robot and mailbox, in Chinese with a link to the competitor", async () => {
    const c = await createCompetitor(db, ws.admin, { name: "完美日记", redUserId: "pd" });
    await ingestCompetitorData(db, ws.admin, c.id, { notes: [note("v1", 1, 23_456, "粉底液真实测评"), note("v2", 1, 12)] }, "api");
    const texts = wecomTexts();
    expect(texts).toHaveLength(1);
    for (const part of [
      "【Test Brand】竞品爆文",
      "竞品**：完美日记",
      "粉底液真实测评",
      "点赞**：23,456",
      "爆文阈值**：1,000",
      `/competitors/${c.id})`,
    ])
      expect(texts[0]).toContain(part);
    expect(robot.received.some((m) => m.robot === "dingtalk")).toBe(false);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].subject).toBe("【Test Brand】竞品爆文");
    expect(smtp.received[0].html).toContain(`/competitors/${c.id}`);
    // In-app: one notification for the admin, linking to the same place.
    const inApp = await db.select().from(notifications).where(eq(notifications.kind, "competitor_viral_note"));
    expect(inApp.map((n) => n.payload)).toEqual([
      expect.objectContaining({ title: "完美日记：粉底液真实测评", href: `/competitors/${c.id}` }),
    ]);
    // The same data again raises nothing new, so nothing is sent again.
    await ingestCompetitorData(db, ws.admin, c.id, { notes: [note("v1", 1, 23_456, "粉底液真实测评")] }, "api");
    expect(wecomTexts()).toHaveLength(1);
  });

  it("announces a doubled cadence and an own engagement drop, in English for an English workspace", async () => {
    await db.update(workspaces).set({ locale: "en" }).where(eq(workspaces.id, ws.workspaceId));
    const c = await createCompetitor(db, ws.admin, { name: "Brand C", redUserId: "bc" });
    await ingestCompetitorData(
      db,
      ws.admin,
      c.id,
      { notes: [note("c0", 8, 5), ...[1, 2, 3, 4, 5].map((d) => note(`c${d}`, d, 5))] },
      "api",
    );
    const cadence = wecomTexts().at(-1)!;
    for (const part of ["Competitor posting cadence doubled", "Brand C", "Notes this week / last week**：5 / 1", "Change**：+400%"])
      expect(cadence).toContain(part);

    const account = await createAccount(db, ws.admin, { name: "Own Beauty", redId: "own1" });
    await ingestSubjectData(db, ws.admin, { type: "account", id: account.id }, { notes: [note("o1", 9, 900), note("o2", 2, 100)] }, "api");
    const drop = wecomTexts().at(-1)!;
    for (const part of ["Own account engagement dropped", "Account**：Own Beauty", "Change**：-89%", `/competitors?s=a:${account.id})`])
      expect(drop).toContain(part);
  });

  it("announces at most a handful per ingest", async () => {
    const c = await createCompetitor(db, ws.admin, { name: "Flood", redUserId: "flood" });
    const before = wecomTexts().length;
    await ingestCompetitorData(db, ws.admin, c.id, { notes: Array.from({ length: 12 }, (_, i) => note(`f${i}`, 20, 5000 + i)) }, "api");
    expect(wecomTexts().length - before).toBe(5);
    expect(await announceAlerts(db, ws.workspaceId, [])).toBe(0);
  });
});
