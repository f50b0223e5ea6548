/**
 * What any source hands to ingest (REST, MediaCrawler import, bridge collector): profile
 * snapshots and notes with their counts at a moment. Counts accept numbers or RED count strings
 * ("1.7万"); negative counts and dates in the future are refused.
 */
import { z } from "zod";
import { parseCount } from "../rules/parse-count";
import { webUrlSchema } from "@/lib/validation/web-url";

/** Clocks differ a little; anything further ahead than this is a future date, not skew. */
export const futureToleranceMs = 10 * 60_000;

export const countSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return parseCount(v).value;
  } catch {
    ctx.addIssue({
      code: "custom",
      message: /^\s*-\s*\d/.test(String(v)) ? "计数不能为负数 / Counts cannot be negative" : `无法识别的计数 / Not a count: "${v}"`,
    });
    return z.NEVER;
  }
});

export const pastDateSchema = z.coerce
  .date()
  .refine((d) => d.getTime() >= Date.UTC(2013, 0, 1), "早于小红书上线（2013 年）/ Before RED existed (2013)")
  .refine((d) => d.getTime() <= Date.now() + futureToleranceMs, "日期在未来 / Date is in the future");

export const profileSnapshotInputSchema = z
  .object({
    takenAt: pastDateSchema,
    followers: countSchema.nullable().optional(),
    following: countSchema.nullable().optional(),
    likesAndCollects: countSchema.nullable().optional(),
    noteCount: countSchema.nullable().optional(),
  })
  .strict();

export const noteInputSchema = z
  .object({
    noteId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, _ - only"),
    title: z.string().max(200).default(""),
    body: z.string().max(10_000).default(""),
    topics: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
    type: z.enum(["normal", "video"]).default("normal"),
    imagesCount: z.number().int().min(0).max(50).default(0),
    publishedAt: pastDateSchema,
    url: webUrlSchema(500).nullable().optional(),
    xsecToken: z.string().max(200).nullable().optional(),
    sourceKeyword: z.string().max(100).nullable().optional(),
    likes: countSchema,
    collects: countSchema,
    comments: countSchema,
    shares: countSchema,
    views: countSchema.nullable().optional(),
    /** When the counts were read; defaults to now. */
    takenAt: pastDateSchema.optional(),
  })
  .strict();

export const snapshotsBodySchema = z.object({ snapshots: z.array(profileSnapshotInputSchema).min(1).max(1000) }).strict();
export const notesBodySchema = z.object({ notes: z.array(noteInputSchema).min(1).max(500) }).strict();

export type ProfileSnapshotInput = z.output<typeof profileSnapshotInputSchema>;
export type NoteInput = z.output<typeof noteInputSchema>;
