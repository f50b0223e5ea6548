"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/next/workspace-action";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { createSeriesSchema, previewSeriesSchema, updateSeriesSchema } from "@/lib/scheduling/series/series-input";
import { createSeries, previewOccurrences, stopSeries, updateSeries } from "@/lib/scheduling/series/series-service";
import { workspaceTimezone } from "@/lib/workspaces/queries";
import { idSchema } from "@/lib/validation/id-schema";

const refresh = (slug: string) => revalidatePath(`/${slug}/calendar`);

export const createSeriesAction = workspaceAction(
  { permission: "schedules.write", schema: createSeriesSchema },
  async ({ ctx, db, input }) => {
    const { series, jobs } = await createSeries(db, getSchedulerDriver(), ctx, input);
    refresh(ctx.workspaceSlug);
    return { id: series.id, jobs: jobs.length };
  },
);

export const updateSeriesAction = workspaceAction(
  { permission: "schedules.write", schema: z.object({ seriesId: idSchema, changes: updateSeriesSchema }).strict() },
  async ({ ctx, db, input }) => {
    const { canceled, jobs } = await updateSeries(db, getSchedulerDriver(), ctx, input.seriesId, input.changes);
    refresh(ctx.workspaceSlug);
    return { canceled, jobs: jobs.length };
  },
);

export const stopSeriesAction = workspaceAction(
  { permission: "schedules.cancel", schema: z.object({ seriesId: idSchema }).strict() },
  async ({ ctx, db, input }) => {
    const { canceled } = await stopSeries(db, getSchedulerDriver(), ctx, input.seriesId);
    refresh(ctx.workspaceSlug);
    return { canceled };
  },
);

export const previewSeriesAction = workspaceAction(
  { permission: "schedules.read", schema: previewSeriesSchema },
  async ({ ctx, db, input }) => {
    const timezone = input.timezone ?? (await workspaceTimezone(db, ctx.workspaceId));
    return { occurrences: previewOccurrences(input.cron, timezone, input.count).map((d) => d.toISOString()) };
  },
);
