import { withWorkspace } from "@/lib/next/with-workspace";
import { retryFailedInBatch } from "@/lib/scheduling/batch-progress";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";

export const POST = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => retryFailedInBatch(db, getSchedulerDriver(), ctx, params.id),
  {
    permission: "schedules.write",
  },
);
