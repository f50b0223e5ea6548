import { withWorkspace } from "@/lib/next/with-workspace";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { updateSeriesSchema } from "@/lib/scheduling/series/series-input";
import { getSeries, stopSeries, updateSeries } from "@/lib/scheduling/series/series-service";

export const GET = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => ({ series: await getSeries(db, ctx, params.id) }),
  { permission: "schedules.read" },
);

export const PATCH = withWorkspace<typeof updateSeriesSchema, never, { id: string }>(
  async ({ ctx, db, body, params }) => updateSeries(db, getSchedulerDriver(), ctx, params.id, body),
  { permission: "schedules.write", body: updateSeriesSchema },
);

/** Stops the series (it stays listed, stopped) and cancels its jobs still scheduled. */
export const DELETE = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => stopSeries(db, getSchedulerDriver(), ctx, params.id),
  {
    permission: "schedules.cancel",
  },
);
