import { createDraft } from "@/lib/drafts/create-draft";
import { createDraftSchema } from "@/lib/drafts/draft-input";
import { listDrafts, listDraftsQuerySchema } from "@/lib/drafts/list-drafts";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db, query }) => listDrafts(db, ctx, query), {
  permission: "drafts.read",
  query: listDraftsQuerySchema,
});

export const POST = withWorkspace(
  async ({ ctx, db, body }) => Response.json({ draft: await createDraft(db, ctx, body) }, { status: 201 }),
  { permission: "drafts.write", body: createDraftSchema },
);
