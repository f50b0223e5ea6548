/**
 * Generators for the competitors bench: a workspace with N competitors, D days of daily profile
 * snapshots and M note snapshots (bulk SQL inserts, then the real set-based rollup refresh), and
 * a MediaCrawler notes CSV of R rows in its real column format.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { competitors, noteSnapshots, profileSnapshots, trackedNotes } from "@/db/schema";
import { refreshNoteRollups, refreshProfileRollups } from "@/lib/competitors/ingest/refresh-rollups";

export type DataSizes = { competitors: number; days: number; noteSnapshots: number; snapshotsPerNote: number };

const words = ["秋冬穿搭", "平价彩妆", "早八妆容", "敏感肌", "通勤", "探店", "减脂餐", "咖啡", "防晒", "口红试色", "小个子", "一人食"];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => (a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** One transaction per call; inside it only `tx` may be used (the embedded client is serialized). */
async function insertChunks<T>(db: Db, rows: T[], insert: (tx: Tx, chunk: T[]) => Promise<unknown>, size = 400): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += size) await insert(tx, rows.slice(i, i + size));
  });
}

export async function generateCompetitorData(db: Db, workspaceId: string, sizes: DataSizes, now = new Date()): Promise<{ notes: number }> {
  const r = rng(42);
  const day = 86_400_000;
  const today = Math.floor(now.getTime() / day) * day;
  const ids = Array.from({ length: sizes.competitors }, (_, i) => `cmp_bench_${i}`);
  await insertChunks(
    db,
    ids.map((id, i) => ({ id, workspaceId, name: `竞品${i + 1}`, redUserId: `bench_${i}` })),
    (tx, c) => tx.insert(competitors).values(c),
  );

  for (const id of ids) {
    let followers = 5_000 + Math.floor(r() * 200_000);
    const rows = Array.from({ length: sizes.days }, (_, d) => {
      followers += Math.floor(followers * 0.002 * r());
      return {
        workspaceId,
        subjectType: "competitor" as const,
        subjectId: id,
        followers,
        following: 10,
        likesAndCollects: followers * 3,
        noteCount: d,
        source: "bench",
        takenAt: new Date(today - (sizes.days - d) * day + 12 * 3_600_000),
      };
    });
    await insertChunks(db, rows, (tx, c) => tx.insert(profileSnapshots).values(c));
  }

  const noteCount = Math.ceil(sizes.noteSnapshots / sizes.snapshotsPerNote);
  for (let start = 0; start < noteCount; start += 5_000) {
    const notes = Array.from({ length: Math.min(5_000, noteCount - start) }, (_, k) => {
      const n = start + k;
      const likes = Math.floor(50 + r() * r() * 5_000);
      const publishedAt = new Date(today - Math.floor(r() * sizes.days) * day + Math.floor(r() * day));
      return {
        id: `tn_bench_${n}`,
        workspaceId,
        noteId: `note_bench_${n}`,
        subjectType: "competitor" as const,
        subjectId: ids[n % ids.length],
        title: `${words[n % words.length]}测评 第${n}篇`,
        topics: [words[n % words.length], words[(n * 7) % words.length]],
        publishedAt,
        likes,
        collects: likes >> 2,
        comments: likes >> 4,
        shares: likes >> 5,
        engagement: likes + (likes >> 2) + (likes >> 4) + (likes >> 5),
        lastSnapshotAt: now,
      };
    });
    await insertChunks(db, notes, (tx, c) => tx.insert(trackedNotes).values(c), 200);
    const snaps = notes.flatMap((n) =>
      Array.from({ length: sizes.snapshotsPerNote }, (_, s) => ({
        workspaceId,
        trackedNoteId: n.id,
        likes: Math.floor((n.likes * (s + 1)) / sizes.snapshotsPerNote),
        collects: n.collects,
        comments: n.comments,
        shares: n.shares,
        source: "bench",
        takenAt: new Date(Math.min(now.getTime(), n.publishedAt.getTime() + (s + 1) * day)),
      })),
    );
    await insertChunks(db, snaps, (tx, c) => tx.insert(noteSnapshots).values(c).onConflictDoNothing(), 500);
  }

  const offsetMs = 8 * 3_600_000;
  const from = today - (sizes.days + 1) * day;
  await db.transaction(async (tx) => {
    for (const id of ids) {
      const target = { workspaceId, subjectType: "competitor" as const, subjectId: id, offsetMs };
      await refreshProfileRollups(tx, target, from, now.getTime());
      await refreshNoteRollups(tx, target, from, now.getTime(), 1000);
    }
  });
  await db.run(sql`ANALYZE`);
  return { notes: noteCount };
}

/** A MediaCrawler notes CSV of `rows` rows, line by line (written to a file, never held whole). */
export function* mediaCrawlerCsvLines(rows: number, now = Date.now()): Generator<string> {
  yield "note_id,type,title,desc,video_url,time,last_update_time,liked_count,collected_count,comment_count,share_count,image_list,tag_list,note_url,source_keyword,xsec_token,nickname\n";
  const r = rng(7);
  for (let i = 0; i < rows; i++) {
    const likes = Math.floor(r() * 30_000);
    const likeText = likes >= 10_000 ? `${(likes / 10_000).toFixed(1)}万` : String(likes);
    const t = now - Math.floor(r() * 365) * 86_400_000;
    yield `imp${i.toString(16).padStart(10, "0")},normal,${words[i % words.length]}分享 第${i}篇,"正文 #${words[i % words.length]}[话题]#",,${t},${now - 3_600_000},${likeText},${likes >> 2},${likes >> 4},${likes >> 5},"http://img/1.jpg,http://img/2.jpg",${words[i % words.length]},,,,作者${i % 50}\n`;
  }
}
