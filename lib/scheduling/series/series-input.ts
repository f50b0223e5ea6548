/** The zod shapes of recurring series: create, update and preview (shared by REST, actions, OpenAPI). */
import { z } from "zod";
import { isValidTimezone } from "@/lib/workspaces/timezones";
import { noteSnapshotSchema } from "../create-publish-job";
import { cronSchema } from "../recurrence";
import { idSchema } from "@/lib/validation/id-schema";

export const seriesCronSchema = cronSchema.describe("5-field cron: minute hour day-of-month month day-of-week, e.g. `30 20 * * 2,4`");
export const timezoneSchema = z.string().trim().max(64).refine(isValidTimezone, "Unknown IANA time zone");

const snapshotFields = noteSnapshotSchema.extend({ title: z.string().trim().min(1).max(200) });

/** Title and body are enough for a series made in the calendar; topics and images default empty. */
export const seriesSnapshotSchema = snapshotFields.extend({
  topics: z.array(z.string().max(40)).max(30).default([]),
  images: z.array(z.string().max(2000)).max(30).default([]),
});

export const createSeriesSchema = z
  .object({
    accountId: idSchema,
    draftId: idSchema.optional(),
    snapshot: seriesSnapshotSchema,
    cron: seriesCronSchema,
    timezone: timezoneSchema.optional(),
    startsAt: z.coerce.date().optional(),
    endsAt: z.coerce.date().nullable().optional(),
  })
  .strict();

export const updateSeriesSchema = z
  .object({
    cron: seriesCronSchema.optional(),
    timezone: timezoneSchema.optional(),
    /** Only the fields given change (an edit of the title keeps the images). */
    snapshot: snapshotFields.partial().optional(),
    endsAt: z.coerce.date().nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");

export const previewSeriesSchema = z
  .object({ cron: seriesCronSchema, timezone: timezoneSchema.optional(), count: z.number().int().min(1).max(50).default(10) })
  .strict();

export type CreateSeriesInput = z.infer<typeof createSeriesSchema>;
export type UpdateSeriesInput = z.infer<typeof updateSeriesSchema>;
