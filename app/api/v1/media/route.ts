import { AppError } from "@/lib/errors/app-error";
import { maxImageBytes } from "@/lib/media/detect-image-type";
import { getMediaStorage } from "@/lib/media/media-storage";
import { listMedia, uploadMedia } from "@/lib/media/upload-media";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ media: await listMedia(db, ctx.workspaceId) }), { permission: "drafts.read" });

/** multipart/form-data with one `file` field; the type is checked from the bytes. */
export const POST = withWorkspace(
  async ({ ctx, db, req }) => {
    if (Number(req.headers.get("content-length") ?? 0) > maxImageBytes + 64 * 1024) throw new AppError("MEDIA_TOO_LARGE");
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!file || typeof file === "string") throw new AppError("VALIDATION_FAILED", { fieldErrors: { file: ["required"] } });
    const row = await uploadMedia(db, getMediaStorage(), ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return Response.json({ media: row }, { status: 201 });
  },
  { permission: "drafts.write" },
);
