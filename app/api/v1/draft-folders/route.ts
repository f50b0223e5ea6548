import { createFolder, folderInputSchema, listFolders } from "@/lib/drafts/folders";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ folders: await listFolders(db, ctx.workspaceId) }), {
  permission: "drafts.read",
});

export const POST = withWorkspace(
  async ({ ctx, db, body }) => Response.json({ folder: await createFolder(db, ctx, body) }, { status: 201 }),
  { permission: "drafts.write", body: folderInputSchema },
);
