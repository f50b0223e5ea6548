import { getDb } from "@/lib/database";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { mediaResponse } from "@/lib/media/media-response";
import { getMediaStorage } from "@/lib/media/media-storage";
import { signedMediaResponse } from "@/lib/media/signed-media-response";
import { getMedia } from "@/lib/media/upload-media";
import { withWorkspace } from "@/lib/next/with-workspace";

/**
 * The original image, as uploaded (what gets published). A signed URL (`?expires=&sig=`, made
 * for the publishing bridge) needs no session; anything else does.
 */
export const GET = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    const row = await getMedia(db, ctx.workspaceId, params.id);
    if (!row) throw new AppError("NOT_FOUND");
    return mediaResponse(getMediaStorage(), row.storageKey, row.contentType);
  },
  {
    permission: "drafts.read",
    selfAuthorized: async (req, params) =>
      req.nextUrl.searchParams.has("sig")
        ? signedMediaResponse(req, String(params.id), { db: getDb(), storage: getMediaStorage(), authSecret: getEnv().authSecret })
        : null,
  },
);
