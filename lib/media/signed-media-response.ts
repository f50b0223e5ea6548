/**
 * Serves an original through a signed URL (signed-media-url.ts), without a session: for the
 * publishing bridge, which downloads a note's images itself. Anything but a valid, unexpired
 * signature for this id is refused with the same answer, so the route says nothing about
 * which media exist.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { media } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/next/error-response";
import { requestIdOf } from "@/lib/next/request-info";
import { mediaResponse } from "./media-response";
import type { MediaStorage } from "./media-storage";
import { isValidMediaSignature } from "./signed-media-url";

export async function signedMediaResponse(
  req: Request,
  id: string,
  deps: { db: Db; storage: MediaStorage; authSecret: string },
): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  try {
    const params = new URL(req.url).searchParams;
    if (!isValidMediaSignature(id, params.get("expires"), params.get("sig"), deps.authSecret)) throw new AppError("INVALID_SIGNATURE");
    const [row] = await deps.db.select().from(media).where(eq(media.id, id)).limit(1);
    if (!row) throw new AppError("INVALID_SIGNATURE");
    const response = await mediaResponse(deps.storage, row.storageKey, row.contentType);
    response.headers.set("cache-control", "private, no-store");
    response.headers.set("x-request-id", requestId);
    return response;
  } catch (error) {
    return errorResponse(error, "en", requestId);
  }
}
