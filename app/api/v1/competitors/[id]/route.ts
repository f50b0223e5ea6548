import { publicCompetitor, requireCompetitor } from "@/lib/competitors/queries/competitor-queries";
import { updateCompetitorSchema } from "@/lib/competitors/settings/competitor-schemas";
import { deleteCompetitor, updateCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { withWorkspace } from "@/lib/next/with-workspace";

type Params = { id: string };

export const GET = withWorkspace<never, never, Params>(
  async ({ ctx, db, params }) => ({ competitor: publicCompetitor(await requireCompetitor(db, ctx.workspaceId, params.id)) }),
  { permission: "competitors.read" },
);

export const PATCH = withWorkspace<typeof updateCompetitorSchema, never, Params>(
  async ({ ctx, db, body, params }) => ({ competitor: publicCompetitor(await updateCompetitor(db, ctx, params.id, body)) }),
  { permission: "competitors.manage", body: updateCompetitorSchema },
);

export const DELETE = withWorkspace<never, never, Params>(
  async ({ ctx, db, params }) => {
    await deleteCompetitor(db, ctx, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "competitors.manage" },
);
