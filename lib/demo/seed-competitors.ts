/**
 * Demo competitor history: 8 competitors (beauty, fashion, food) and the demo's own accounts with
 * 180 days of daily profile snapshots and notes, generated deterministically (seeded PRNG) and
 * written through the same ingest path as real data (batched), so rollups and alerts are real.
 */
import { seededRandom } from "@/lib/random/seeded-random";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, competitors, workspaces } from "@/db/schema";
import { checkTrendAlerts } from "@/lib/competitors/alerts/check-trend-alerts";
import { getAnalyticsSettings } from "@/lib/competitors/settings/analytics-settings";
import type { NoteInput, ProfileSnapshotInput } from "@/lib/competitors/ingest/ingest-schemas";
import { ingestSeries } from "@/lib/competitors/ingest/ingest-series";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import { demoVocabulary, type Vertical } from "./competitor-vocabulary";
import { defaultTimezone } from "@/lib/workspaces/timezones";

const demoCompetitors: { name: string; redUserId: string; vertical: Vertical; followers: number; groups: string[] }[] = [
  { name: "完美日记", redUserId: "5a3b2c1d0000000001001001", vertical: "beauty", followers: 280_000, groups: ["彩妆"] },
  { name: "花西子", redUserId: "5a3b2c1d0000000001001002", vertical: "beauty", followers: 190_000, groups: ["彩妆"] },
  { name: "敏感肌研究社", redUserId: "5a3b2c1d0000000001001003", vertical: "beauty", followers: 42_000, groups: ["护肤"] },
  { name: "UR穿搭日记", redUserId: "5a3b2c1d0000000001001004", vertical: "fashion", followers: 120_000, groups: ["穿搭"] },
  { name: "小个子穿搭bot", redUserId: "5a3b2c1d0000000001001005", vertical: "fashion", followers: 8_600, groups: ["穿搭"] },
  { name: "下厨房小助手", redUserId: "5a3b2c1d0000000001001006", vertical: "food", followers: 96_000, groups: ["美食"] },
  { name: "上海探店王", redUserId: "5a3b2c1d0000000001001007", vertical: "food", followers: 63_000, groups: ["美食", "探店"] },
  { name: "三顿半咖啡", redUserId: "5a3b2c1d0000000001001008", vertical: "food", followers: 150_000, groups: ["美食"] },
];

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)];
// Posting hours follow the folklore peaks (7-9, 12-14, 18-22) with most weight at 20-22.
const hours = [7, 8, 9, 12, 12, 13, 18, 19, 20, 20, 21, 21, 21, 22, 10, 15, 16, 23];

function history(
  seed: number,
  vertical: Vertical,
  startFollowers: number,
  days: number,
  now: Date,
  notesPerDay: number,
): { profiles: ProfileSnapshotInput[]; notes: NoteInput[] } {
  const r = seededRandom(seed);
  const vocab = demoVocabulary[vertical];
  const profiles: ProfileSnapshotInput[] = [];
  const notes: NoteInput[] = [];
  let followers = Math.round(startFollowers * 0.82);
  const dayMs = 86_400_000;
  const today = Math.floor(now.getTime() / dayMs) * dayMs;
  for (let d = days - 1; d >= 0; d--) {
    const dayStart = today - d * dayMs;
    followers += Math.round(followers * (0.0008 + r() * 0.0018) * (r() < 0.05 ? 6 : 1));
    profiles.push({
      takenAt: new Date(Math.min(dayStart + 22 * 3_600_000, now.getTime() - 60_000)),
      followers,
      following: 20 + Math.floor(r() * 30),
      likesAndCollects: Math.round(followers * (3.2 + r())),
      noteCount: notes.length + 300,
    });
    const count = r() < notesPerDay % 1 ? Math.ceil(notesPerDay) : Math.floor(notesPerDay);
    for (let i = 0; i < count; i++) {
      const publishedAt = new Date(dayStart + (pick(r, hours) - 8) * 3_600_000 + Math.floor(r() * 3_600_000));
      if (publishedAt.getTime() > now.getTime() - 3_600_000) continue;
      const viral = r() < 0.04;
      const base = followers * (0.004 + r() * 0.02) * (viral ? 8 + r() * 20 : 1);
      const likes = Math.max(3, Math.round(base));
      const topics = [...new Set([pick(r, vocab.topics), pick(r, vocab.topics), ...(r() < 0.3 ? [pick(r, vocab.topics)] : [])])];
      const title = pick(r, vocab.titles).replace("{x}", pick(r, vocab.items)).replace("{y}", pick(r, vocab.adjectives));
      notes.push({
        noteId: `demo${seed.toString(16)}${(d * 10 + i).toString(16).padStart(6, "0")}`,
        title,
        body: `${title}。${pick(r, vocab.bodies)} ${topics.map((t) => `#${t}[话题]#`).join(" ")}`,
        topics,
        type: r() < 0.3 ? "video" : "normal",
        imagesCount: 1 + Math.floor(r() * 9),
        publishedAt,
        url: null,
        xsecToken: null,
        sourceKeyword: null,
        likes,
        collects: Math.round(likes * (0.25 + r() * 0.5)),
        comments: Math.round(likes * (0.03 + r() * 0.08)),
        shares: Math.round(likes * (0.01 + r() * 0.04)),
        views: null,
        takenAt: new Date(now.getTime() - 60_000),
      });
    }
  }
  return { profiles, notes };
}

export async function seedCompetitors(
  db: Db,
  input: { workspaceId: string; adminUserId: string; adminName: string },
  o: { days?: number; now?: Date } = {},
): Promise<void> {
  const now = o.now ?? new Date();
  const days = o.days ?? 180;
  const actor = { userId: input.adminUserId, userName: input.adminName, workspaceId: input.workspaceId };
  const [ws] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  const own = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.workspaceId, input.workspaceId));
  const settings = await getAnalyticsSettings(db, input.workspaceId);
  const timezone = ws?.timezone ?? defaultTimezone;
  const subjects: { type: "competitor" | "account"; id: string }[] = [];
  await db.transaction(async (tx) => {
    for (const [i, c] of demoCompetitors.entries()) {
      const id = newId("cmp");
      await tx.insert(competitors).values({
        id,
        workspaceId: input.workspaceId,
        name: c.name,
        redUserId: c.redUserId,
        groups: c.groups,
        tags: ["demo"],
        profileUrl: `https://www.xiaohongshu.com/user/profile/${c.redUserId}`,
        comparedAccountIds: own.slice(0, 2).map((a) => a.id),
      });
      const data = history(1000 + i, c.vertical, c.followers, days, now, 0.5 + (i % 4) * 0.25);
      await ingestSeries(
        tx,
        { workspaceId: input.workspaceId, timezone, subjectType: "competitor", subjectId: id, authorName: c.name, settings },
        data,
        "demo",
        now,
      );
      subjects.push({ type: "competitor", id });
    }
    for (const [i, a] of own.entries()) {
      const vertical: Vertical = i % 3 === 0 ? "beauty" : i % 3 === 1 ? "fashion" : "food";
      const data = history(2000 + i, vertical, 6_000 + i * 4_000, days, now, 0.4 + (i % 3) * 0.2);
      await ingestSeries(
        tx,
        { workspaceId: input.workspaceId, timezone, subjectType: "account", subjectId: a.id, authorName: a.name, settings },
        data,
        "demo",
        now,
      );
      subjects.push({ type: "account", id: a.id });
    }
    await recordAudit(tx, actor, {
      action: "demo.seed.competitors",
      targetType: "workspace",
      targetId: input.workspaceId,
      after: { competitors: demoCompetitors.length, accounts: own.length, days },
    });
  });
  for (const s of subjects)
    await checkTrendAlerts(db, { workspaceId: input.workspaceId, timezone, subjectType: s.type, subjectId: s.id }, now);
}
