import { z } from "zod";
import { withWorkspace } from "@/lib/next/with-workspace";
import { cancelPublishJob } from "@/lib/scheduling/create-publish-job";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { rescheduleJob } from "@/lib/scheduling/job-actions";

const patchBody = z.object({ runAt: z.coerce.date() }).strict();

export const PATCH = withWorkspace<typeof patchBody, never, { id: string }>(
  async ({ ctx, db, body, params }) => ({
    job: await rescheduleJob(db, getSchedulerDriver(), ctx, { jobId: params.id, runAt: body.runAt }),
  }),
  { permission: "schedules.write", body: patchBody },
);

export const DELETE = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => ({ job: await cancelPublishJob(db, getSchedulerDriver(), ctx, params.id) }),
  {
    permission: "schedules.cancel",
  },
);
