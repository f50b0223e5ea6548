import { listCompetitors, publicCompetitor } from "@/lib/competitors/queries/competitor-queries";
import { createCompetitorSchema, listCompetitorsQuerySchema } from "@/lib/competitors/settings/competitor-schemas";
import { createCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(
  async ({ ctx, db, query }) => ({ competitors: (await listCompetitors(db, ctx.workspaceId, query)).map(publicCompetitor) }),
  { permission: "competitors.read", query: listCompetitorsQuerySchema },
);

export const POST = withWorkspace(
  async ({ ctx, db, body }) => Response.json({ competitor: publicCompetitor(await createCompetitor(db, ctx, body)) }, { status: 201 }),
  { permission: "competitors.manage", body: createCompetitorSchema },
);
