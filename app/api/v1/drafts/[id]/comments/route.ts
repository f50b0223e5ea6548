import { addComment, commentInputSchema, listComments } from "@/lib/drafts/comments";
import { withWorkspace } from "@/lib/next/with-workspace";

type P = { id: string };

export const GET = withWorkspace<never, never, P>(async ({ ctx, db, params }) => ({ comments: await listComments(db, ctx, params.id) }), {
  permission: "drafts.read",
});

export const POST = withWorkspace<typeof commentInputSchema, never, P>(
  async ({ ctx, db, body, params }) => Response.json({ comment: await addComment(db, ctx, params.id, body) }, { status: 201 }),
  { permission: "drafts.write", body: commentInputSchema },
);
