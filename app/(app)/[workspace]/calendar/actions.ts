"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelPublishJob } from "@/lib/scheduling/create-publish-job";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { markJobPublished, markPublishedSchema, rescheduleJob, rescheduleSchema, retryJob } from "@/lib/scheduling/job-actions";
import { workspaceAction } from "@/lib/next/workspace-action";
import { idSchema } from "@/lib/validation/id-schema";

const jobIdSchema = z.object({ jobId: idSchema }).strict();
const refresh = (slug: string) => revalidatePath(`/${slug}/calendar`);

export const rescheduleAction = workspaceAction({ permission: "schedules.write", schema: rescheduleSchema }, async ({ ctx, db, input }) => {
  // Saved either way; `scheduler` says when QStash has not taken the new time yet (the outbox retries).
  const job = await rescheduleJob(db, getSchedulerDriver(), ctx, input);
  refresh(ctx.workspaceSlug);
  return { moved: true, scheduler: job.scheduler };
});

export const retryJobAction = workspaceAction({ permission: "schedules.write", schema: jobIdSchema }, async ({ ctx, db, input }) => {
  const job = await retryJob(db, getSchedulerDriver(), ctx, input.jobId);
  refresh(ctx.workspaceSlug);
  return { retried: true, scheduler: job.scheduler };
});

export const markPublishedAction = workspaceAction(
  { permission: "schedules.write", schema: markPublishedSchema },
  async ({ ctx, db, input }) => {
    await markJobPublished(db, ctx, input);
    refresh(ctx.workspaceSlug);
    return { marked: true };
  },
);

export const cancelJobAction = workspaceAction({ permission: "schedules.cancel", schema: jobIdSchema }, async ({ ctx, db, input }) => {
  await cancelPublishJob(db, getSchedulerDriver(), ctx, input.jobId);
  refresh(ctx.workspaceSlug);
  return { canceled: true };
});
