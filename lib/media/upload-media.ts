/**
 * Stores one uploaded image: the type is read from the bytes (an executable named photo.jpg is
 * refused), the size is capped, sharp must decode it (and makes its WebP thumbnail), original
 * and thumbnail go to the storage driver, then the row is written in a transaction with its
 * audit event. A failed row write removes the stored bytes again.
 */
import { desc, and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { media, type Media } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { detectImageType, imageExtension, maxImageBytes } from "./detect-image-type";
import { thumbnailKey } from "./media-key";
import type { MediaStorage } from "./media-storage";
import { makeThumbnail } from "./make-thumbnail";
import { mediaUrl, thumbnailUrl } from "./media-urls";

export type MediaWithUrls = Media & { url: string; thumbUrl: string };
const withUrls = (row: Media): MediaWithUrls => ({ ...row, url: mediaUrl(row.id), thumbUrl: thumbnailUrl(mediaUrl(row.id)) });

export async function uploadMedia(
  db: Db,
  storage: MediaStorage,
  ctx: WorkspaceContext,
  file: { name: string; bytes: Uint8Array },
): Promise<MediaWithUrls> {
  if (file.bytes.length === 0) throw new AppError("VALIDATION_FAILED", { fieldErrors: { file: ["empty file"] } });
  if (file.bytes.length > maxImageBytes) throw new AppError("MEDIA_TOO_LARGE");
  const contentType = detectImageType(file.bytes);
  if (!contentType) throw new AppError("MEDIA_TYPE_REFUSED");
  const thumb = await makeThumbnail(file.bytes);
  if (!thumb) throw new AppError("MEDIA_UNDECODABLE");
  const id = newId("med");
  const storageKey = `${ctx.workspaceId}/${id}.${imageExtension[contentType]}`;
  const thumbKey = thumbnailKey(storageKey);
  try {
    await storage.put(storageKey, file.bytes, contentType);
    await storage.put(thumbKey, thumb.bytes, "image/webp");
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(media)
        .values({
          id,
          workspaceId: ctx.workspaceId,
          uploaderId: ctx.userId,
          storageKey,
          thumbKey,
          width: thumb.width,
          height: thumb.height,
          contentType,
          bytes: file.bytes.length,
          originalName: file.name.slice(0, 200),
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: "media.upload",
        targetType: "media",
        targetId: id,
        after: { contentType, bytes: file.bytes.length, name: row.originalName },
      });
      return withUrls(row);
    });
  } catch (error) {
    await Promise.allSettled([storage.delete(storageKey), storage.delete(thumbKey)]);
    throw error;
  }
}

export async function getMedia(db: DbOrTx, workspaceId: string, id: string): Promise<Media | null> {
  const [row] = await db
    .select()
    .from(media)
    .where(and(eq(media.workspaceId, workspaceId), eq(media.id, id)))
    .limit(1);
  return row ?? null;
}

export async function listMedia(db: DbOrTx, workspaceId: string, limit = 100): Promise<MediaWithUrls[]> {
  const rows = await db.select().from(media).where(eq(media.workspaceId, workspaceId)).orderBy(desc(media.createdAt)).limit(limit);
  return rows.map(withUrls);
}
