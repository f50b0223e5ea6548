/** Serves stored media bytes: streamed, with the detected type and nosniff (never as HTML), cached for good (ids never change). */
import { AppError } from "@/lib/errors/app-error";
import type { MediaStorage } from "./media-storage";

export async function mediaResponse(storage: MediaStorage, key: string, contentType: string): Promise<Response> {
  const body = await storage.stream(key);
  if (!body) throw new AppError("NOT_FOUND");
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
}
