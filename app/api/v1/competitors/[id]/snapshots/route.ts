import { snapshotsBodySchema } from "@/lib/competitors/ingest/ingest-schemas";
import { ingestCompetitorData } from "@/lib/competitors/ingest/ingest-competitor-data";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace<typeof snapshotsBodySchema, never, { id: string }>(
  async ({ ctx, db, body, params }) =>
    Response.json({ result: await ingestCompetitorData(db, ctx, params.id, { profiles: body.snapshots }, "api") }, { status: 201 }),
  { permission: "competitors.manage", body: snapshotsBodySchema },
);
