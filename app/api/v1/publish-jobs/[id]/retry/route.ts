import { withWorkspace } from "@/lib/next/with-workspace";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { retryJob } from "@/lib/scheduling/job-actions";

export const POST = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => ({ job: await retryJob(db, getSchedulerDriver(), ctx, params.id) }),
  {
    permission: "schedules.write",
  },
);
