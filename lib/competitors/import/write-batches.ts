/** Writes one validated batch of each export kind (inside the caller's transaction). */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { competitors, noteComments } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import type { AnalyticsSettings } from "../settings/analytics-settings";
import { ingestSeries } from "../ingest/ingest-series";
import type { MappedComment, MappedCreator, MappedNote } from "./map-rows";
import type { RowError } from "./read-export";
import { authorLabel } from "./resolve-authors";

type BatchEnv = { workspaceId: string; timezone: string; settings: AnalyticsSettings; now: Date };

/** Snapshots without a reading time get the import's UTC day: re-importing that day adds nothing. */
const dayStart = (d: Date) => new Date(Math.floor(d.getTime() / 86_400_000) * 86_400_000);

/** Per subject: the publish-time range touched so far (note rollups are refreshed once, at the end). */
export type TouchedRanges = Map<string, { name: string; from: number; to: number; rows: number }>;

export async function writeNoteBatch(
  tx: DbOrTx,
  env: BatchEnv,
  batch: MappedNote[],
  owners: Map<string, { id: string; name: string } | undefined>,
  errors: RowError[],
  touched: TouchedRanges,
) {
  const bySubject = new Map<string, { name: string; notes: MappedNote["note"][] }>();
  for (const item of batch) {
    const owner = owners.get(authorLabel(item.author));
    if (!owner) {
      errors.push({
        row: item.row,
        field: "nickname",
        message: `没有对应作者「${authorLabel(item.author)}」的竞品 / No competitor for author "${authorLabel(item.author)}"`,
      });
      continue;
    }
    const entry = bySubject.get(owner.id) ?? { name: owner.name, notes: [] };
    entry.notes.push({ ...item.note, takenAt: item.note.takenAt ?? dayStart(env.now) });
    bySubject.set(owner.id, entry);
  }
  let imported = 0;
  for (const [subjectId, { name, notes }] of bySubject) {
    const r = await ingestSeries(
      tx,
      {
        workspaceId: env.workspaceId,
        timezone: env.timezone,
        subjectType: "competitor",
        subjectId,
        authorName: name,
        settings: env.settings,
      },
      { notes },
      "mediacrawler",
      env.now,
      { deferNoteRollups: true },
    );
    const seen = touched.get(subjectId);
    if (r.notesRange)
      touched.set(subjectId, {
        name,
        from: Math.min(seen?.from ?? Infinity, r.notesRange.from),
        to: Math.max(seen?.to ?? -Infinity, r.notesRange.to),
        rows: (seen?.rows ?? 0) + notes.length,
      });
    imported += notes.length;
  }
  return { imported, subjects: [...bySubject.keys()] };
}

export async function writeCommentBatch(tx: DbOrTx, workspaceId: string, batch: MappedComment[]): Promise<number> {
  for (let i = 0; i < batch.length; i += 200) {
    await tx
      .insert(noteComments)
      .values(
        batch.slice(i, i + 200).map((c) => ({
          id: newId("cmt"),
          workspaceId,
          commentId: c.commentId,
          noteId: c.noteId,
          parentCommentId: c.parentCommentId,
          content: c.content,
          likes: c.likes,
          subCommentCount: c.subCommentCount,
          createdAtRed: c.createdAt,
        })),
      )
      .onConflictDoUpdate({
        target: [noteComments.workspaceId, noteComments.commentId],
        set: { likes: sql`excluded.likes`, subCommentCount: sql`excluded.sub_comment_count` },
      });
  }
  return batch.length;
}

export async function writeCreatorBatch(
  tx: DbOrTx,
  actor: AuditActor & { workspaceId: string },
  env: Omit<BatchEnv, "workspaceId">,
  batch: MappedCreator[],
) {
  const subjects: string[] = [];
  for (const c of batch) {
    const [existing] = await tx
      .select()
      .from(competitors)
      .where(and(eq(competitors.workspaceId, actor.workspaceId), eq(competitors.redUserId, c.redUserId)))
      .limit(1);
    let id = existing?.id;
    if (!existing) {
      id = newId("cmp");
      await tx.insert(competitors).values({
        id,
        workspaceId: actor.workspaceId,
        name: c.name,
        redUserId: c.redUserId,
        avatarUrl: c.avatarUrl,
        bio: c.bio,
        tags: c.tags,
      });
      await recordAudit(tx, actor, {
        action: "competitors.create",
        targetType: "competitor",
        targetId: id,
        after: { name: c.name, redUserId: c.redUserId, via: "import" },
      });
    } else {
      await tx
        .update(competitors)
        .set({ avatarUrl: c.avatarUrl ?? existing.avatarUrl, bio: c.bio ?? existing.bio })
        .where(eq(competitors.id, existing.id));
    }
    const target = {
      workspaceId: actor.workspaceId,
      timezone: env.timezone,
      subjectType: "competitor" as const,
      subjectId: id!,
      settings: env.settings,
    };
    await ingestSeries(
      tx,
      target,
      { profiles: [{ takenAt: dayStart(env.now), followers: c.followers, following: c.following, likesAndCollects: c.likesAndCollects }] },
      "mediacrawler",
      env.now,
    );
    subjects.push(id!);
  }
  return { imported: batch.length, subjects };
}
