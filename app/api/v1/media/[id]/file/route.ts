import { AppError } from "@/lib/errors/app-error";
import { getMediaStorage } from "@/lib/media/media-storage";
import { getMedia } from "@/lib/media/upload-media";
import { withWorkspace } from "@/lib/next/with-workspace";

/** The image bytes, served with the detected type and nosniff, never as HTML. */
export const GET = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    const row = await getMedia(db, ctx.workspaceId, params.id);
    const bytes = row ? await getMediaStorage().get(row.storageKey) : null;
    if (!row || !bytes) throw new AppError("NOT_FOUND");
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": row.contentType,
        "content-length": String(bytes.length),
        "x-content-type-options": "nosniff",
        "content-disposition": "inline",
        "cache-control": "private, max-age=31536000, immutable",
      },
    });
  },
  { permission: "drafts.read" },
);
