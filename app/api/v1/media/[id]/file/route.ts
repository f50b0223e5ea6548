import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { mediaResponse } from "@/lib/media/media-response";
import { getMediaStorage } from "@/lib/media/media-storage";
import { signedMediaResponse } from "@/lib/media/signed-media-response";
import { getMedia } from "@/lib/media/upload-media";
import { withWorkspace } from "@/lib/next/with-workspace";

type Route = { params: Promise<{ id: string }> };

/** The original image, as uploaded (what gets published). */
const withSession = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    const row = await getMedia(db, ctx.workspaceId, params.id);
    if (!row) throw new AppError("NOT_FOUND");
    return mediaResponse(getMediaStorage(), row.storageKey, row.contentType);
  },
  { permission: "drafts.read" },
);

/** A signed URL (`?expires=&sig=`, for the publishing bridge) needs no session; anything else does. */
export async function GET(req: NextRequest, route: Route): Promise<Response> {
  if (req.nextUrl.searchParams.has("sig")) return signedMediaResponse(req, (await route.params).id, { db: getDb(), storage: getMediaStorage(), authSecret: getEnv().authSecret });
  return withSession(req, route);
}
