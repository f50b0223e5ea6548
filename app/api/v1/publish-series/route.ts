import { withWorkspace } from "@/lib/next/with-workspace";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { createSeriesSchema } from "@/lib/scheduling/series/series-input";
import { createSeries, listSeries } from "@/lib/scheduling/series/series-service";

export const GET = withWorkspace(async ({ ctx, db }) => ({ series: await listSeries(db, ctx) }), { permission: "schedules.read" });

export const POST = withWorkspace(
  async ({ ctx, db, body }) => Response.json(await createSeries(db, getSchedulerDriver(), ctx, body), { status: 201 }),
  { permission: "schedules.write", body: createSeriesSchema },
);
