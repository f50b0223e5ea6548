import { duplicateDraft, duplicateDraftSchema } from "@/lib/drafts/duplicate-draft";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace<typeof duplicateDraftSchema, never, { id: string }>(
  async ({ ctx, db, body, params }) => Response.json({ drafts: await duplicateDraft(db, ctx, params.id, body) }, { status: 201 }),
  { permission: "drafts.write", body: duplicateDraftSchema },
);
