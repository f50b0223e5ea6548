import { deleteFolder, moveFolder, renameFolder, updateFolderSchema } from "@/lib/drafts/folders";
import { withWorkspace } from "@/lib/next/with-workspace";

type P = { id: string };

/** Rename and/or move (moving into itself or a descendant answers 422 FOLDER_CYCLE). */
export const PATCH = withWorkspace<typeof updateFolderSchema, never, P>(
  async ({ ctx, db, body, params }) => {
    // Move first: it is the step that can be refused, so a refused move leaves the name untouched too.
    let folder = body.parentId !== undefined ? await moveFolder(db, ctx, params.id, { parentId: body.parentId }) : null;
    if (body.name !== undefined) folder = await renameFolder(db, ctx, params.id, { name: body.name });
    return { folder };
  },
  { permission: "drafts.write", body: updateFolderSchema },
);

export const DELETE = withWorkspace<never, never, P>(
  async ({ ctx, db, params }) => {
    await deleteFolder(db, ctx, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "drafts.write" },
);
