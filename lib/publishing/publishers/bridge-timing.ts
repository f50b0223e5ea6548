/**
 * How long the bridge takes to publish a note, from what it really does (xiaohongshu-mcp,
 * commit 6fb866a7): every character of the title, body and each `#topic` is typed with a human
 * delay (humanize/provider.go Keystroke: lognormal mu -2.12, sigma 0.5 -> ~136 ms mean), every
 * image is uploaded alone and followed by a 1 s wait (xiaohongshu/publish.go uploadImages), each
 * topic waits ~1.7 s for RED's dropdown, and the rest (opening the editor, pauses, up to 15 s
 * to confirm) is a fixed overhead. An 880-character note with 9 images takes ~163 s.
 * The timeout is that estimate plus a margin, never below the account's floor. The constants
 * are settings of the account's bridge (bridgeTimingSchema), defaulting to the bridge's pace.
 */
import { z } from "zod";
import type { PublishNote } from "./types";

export const bridgeTimingDefaults = { keystrokeMs: 136, imageUploadMs: 2500, tagMs: 1700, overheadMs: 25_000, marginPercent: 30 } as const;

export const bridgeTimingFields = {
  keystrokeMs: z
    .number()
    .min(0)
    .max(2000)
    .default(bridgeTimingDefaults.keystrokeMs)
    .meta({ title: "Typing delay per character (ms)", description: "The bridge types like a person: ~136 ms a character" }),
  imageUploadMs: z
    .number()
    .min(0)
    .max(120_000)
    .default(bridgeTimingDefaults.imageUploadMs)
    .meta({ title: "Upload time per image (ms)", description: "Upload plus the bridge's 1 s wait after each image" }),
  tagMs: z.number().min(0).max(60_000).default(bridgeTimingDefaults.tagMs).meta({ title: "Wait per topic (ms)" }),
  overheadMs: z
    .number()
    .min(0)
    .max(300_000)
    .default(bridgeTimingDefaults.overheadMs)
    .meta({ title: "Fixed overhead (ms)", description: "Opening the editor and confirming (up to 15 s)" }),
  marginPercent: z.number().int().min(0).max(500).default(bridgeTimingDefaults.marginPercent).meta({ title: "Timeout margin (%)" }),
  timeoutMs: z
    .number()
    .int()
    .min(1000)
    .max(1_800_000)
    .optional()
    .meta({ title: "Minimum publish timeout (ms)", description: "Default 60 s; long notes get longer automatically" }),
};

export type BridgeTiming = {
  keystrokeMs: number;
  imageUploadMs: number;
  tagMs: number;
  overheadMs: number;
  marginPercent: number;
  timeoutMs?: number;
};

/** Characters the bridge types: title, body, and `#topic` for each of the first 10 topics. */
function typedCharacters(note: Pick<PublishNote, "title" | "content" | "tags">): number {
  const count = (text: string) => Array.from(text).length;
  const tags = (note.tags ?? []).slice(0, 10);
  return count(note.title) + count(note.content) + tags.reduce((n, tag) => n + 1 + count(tag.replace(/^#+/, "")), 0);
}

/** The bridge's expected time for this note, in ms. */
export function expectedPublishMs(
  note: Pick<PublishNote, "title" | "content" | "tags" | "images" | "kind">,
  timing: BridgeTiming = bridgeTimingDefaults,
): number {
  const images = note.kind === "video" ? 0 : (note.images?.length ?? 0);
  const tags = Math.min(10, note.tags?.length ?? 0);
  return Math.round(timing.overheadMs + typedCharacters(note) * timing.keystrokeMs + images * timing.imageUploadMs + tags * timing.tagMs);
}

/** How long to wait for the bridge's answer before the note counts as "may be live". */
export function publishTimeoutMs(note: Parameters<typeof expectedPublishMs>[0], timing: BridgeTiming = bridgeTimingDefaults): number {
  const withMargin = Math.ceil(expectedPublishMs(note, timing) * (1 + timing.marginPercent / 100));
  return Math.min(1_800_000, Math.max(timing.timeoutMs ?? 60_000, withMargin));
}
