import { notesBodySchema } from "@/lib/competitors/ingest/ingest-schemas";
import { ingestCompetitorData } from "@/lib/competitors/ingest/ingest-competitor-data";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace<typeof notesBodySchema, never, { id: string }>(
  async ({ ctx, db, body, params }) =>
    Response.json({ result: await ingestCompetitorData(db, ctx, params.id, { notes: body.notes }, "api") }, { status: 201 }),
  { permission: "competitors.manage", body: notesBodySchema },
);
