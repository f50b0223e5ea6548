import { AppError } from "@/lib/errors/app-error";
import { mediaResponse } from "@/lib/media/media-response";
import { getMediaStorage } from "@/lib/media/media-storage";
import { getMedia } from "@/lib/media/upload-media";
import { withWorkspace } from "@/lib/next/with-workspace";

/** The 320 px WebP thumbnail; media uploaded before thumbnails existed answer with the original. */
export const GET = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    const row = await getMedia(db, ctx.workspaceId, params.id);
    if (!row) throw new AppError("NOT_FOUND");
    return row.thumbKey
      ? mediaResponse(getMediaStorage(), row.thumbKey, "image/webp")
      : mediaResponse(getMediaStorage(), row.storageKey, row.contentType);
  },
  { permission: "drafts.read" },
);
