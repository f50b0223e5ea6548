import { prepareSchedule, prepareScheduleSchema } from "@/lib/drafts/prepare-schedule";
import { withWorkspace } from "@/lib/next/with-workspace";

/** The confirmation step before scheduling: 422 SCHEDULE_BLOCKED with details, or ready. */
export const POST = withWorkspace<typeof prepareScheduleSchema, never, { id: string }>(
  async ({ ctx, db, body, params }) => prepareSchedule(db, ctx, params.id, body),
  { permission: "schedules.write", body: prepareScheduleSchema },
);
