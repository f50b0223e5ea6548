/**
 * One MediaCrawler record -> validated ingest input, or the row's errors named by the file's own
 * column (so a person can find the cell): negative counts, unreadable counts, future or
 * missing dates.
 */
import { z } from "zod";
import { countSchema, noteInputSchema, pastDateSchema, type NoteInput } from "../ingest/ingest-schemas";
import { topicsInText } from "../rules/extract-keywords";
import { exportColumns, type ExportKind } from "./mediacrawler-columns";
import type { RawRecord, RowError } from "./read-export";
import { idSchema } from "@/lib/validation/id-schema";

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v)).trim();
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : text(v).split(/[,，]/)).map((s) => s.trim()).filter(Boolean);

/** MediaCrawler writes epoch milliseconds; older rows have seconds. */
function toDate(v: unknown): unknown {
  const t = text(v);
  if (/^\d+$/.test(t)) return new Date(Number(t) < 1e11 ? Number(t) * 1000 : Number(t));
  return t || undefined;
}

function issuesToErrors(kind: ExportKind, row: number, error: z.ZodError): RowError[] {
  const back = Object.fromEntries(Object.entries(exportColumns[kind].target).map(([col, target]) => [target, col]));
  return error.issues.map((i) => {
    const key = String(i.path[0] ?? "");
    return { row, field: back[key] ?? key, message: i.message };
  });
}

export type MappedNote = { row: number; note: NoteInput; author: { userId: string | null; nickname: string | null } };

export function mapNoteRecord(r: RawRecord): { ok: true; value: MappedNote } | { ok: false; errors: RowError[] } {
  const v = r.values;
  const body = text(v.desc);
  const parsed = noteInputSchema.safeParse({
    noteId: text(v.note_id),
    title: text(v.title).slice(0, 200),
    body: body.slice(0, 10_000),
    topics: [...new Set([...list(v.tag_list), ...topicsInText(body)])].slice(0, 30).map((t) => t.slice(0, 40)),
    type: text(v.type) === "video" ? "video" : "normal",
    imagesCount: Math.min(list(v.image_list).length, 50),
    publishedAt: toDate(v.time),
    url: text(v.note_url) || null,
    xsecToken: text(v.xsec_token) || null,
    sourceKeyword: text(v.source_keyword).slice(0, 100) || null,
    likes: text(v.liked_count) || "0",
    collects: text(v.collected_count) || "0",
    comments: text(v.comment_count) || "0",
    shares: text(v.share_count) || "0",
    takenAt: toDate(v.last_update_time) ?? undefined,
  });
  if (!parsed.success) return { ok: false, errors: issuesToErrors("notes", r.row, parsed.error) };
  return {
    ok: true,
    value: { row: r.row, note: parsed.data, author: { userId: text(v.user_id) || null, nickname: text(v.nickname) || null } },
  };
}

const commentSchema = z.object({
  commentId: idSchema,
  noteId: idSchema,
  content: z.string().max(5000),
  createdAt: pastDateSchema,
  likes: countSchema,
  subCommentCount: countSchema,
  parentCommentId: z.string().max(64).nullable(),
});
export type MappedComment = z.output<typeof commentSchema>;

export function mapCommentRecord(r: RawRecord): { ok: true; value: MappedComment } | { ok: false; errors: RowError[] } {
  const v = r.values;
  const parent = text(v.parent_comment_id);
  const parsed = commentSchema.safeParse({
    commentId: text(v.comment_id),
    noteId: text(v.note_id),
    content: text(v.content).slice(0, 5000),
    createdAt: toDate(v.create_time),
    likes: text(v.like_count) || "0",
    subCommentCount: text(v.sub_comment_count) || "0",
    parentCommentId: parent && parent !== "0" ? parent : null,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issuesToErrors("comments", r.row, parsed.error) };
}

const creatorSchema = z.object({
  redUserId: idSchema.regex(/^[A-Za-z0-9_.-]+$/, "Letters, digits, _ . - only"),
  name: z.string().min(1).max(60),
  avatarUrl: z.string().max(500).nullable(),
  bio: z.string().max(2000).nullable(),
  followers: countSchema,
  following: countSchema.nullable(),
  likesAndCollects: countSchema.nullable(),
  tags: z.array(z.string().max(30)).max(20),
});
export type MappedCreator = z.output<typeof creatorSchema>;

export function mapCreatorRecord(r: RawRecord): { ok: true; value: MappedCreator } | { ok: false; errors: RowError[] } {
  const v = r.values;
  const parsed = creatorSchema.safeParse({
    redUserId: text(v.user_id),
    name: text(v.nickname).slice(0, 60),
    avatarUrl: /^https?:\/\//.test(text(v.avatar)) ? text(v.avatar) : null,
    bio: text(v.desc).slice(0, 2000) || null,
    followers: text(v.fans) || "0",
    following: text(v.follows) || null,
    likesAndCollects: text(v.interaction) || null,
    tags: list(v.tag_list)
      .slice(0, 20)
      .map((t) => t.slice(0, 30)),
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issuesToErrors("creators", r.row, parsed.error) };
}
