/**
 * Decodes an uploaded image with sharp and makes its thumbnail: WebP, 320 px wide (never
 * enlarged), EXIF orientation applied, first frame of an animation. Decoding is also the
 * real check that the bytes are a usable image: the magic bytes only say what they claim.
 */
import sharp from "sharp";

export const thumbnailWidth = 320;

export type Thumbnail = { bytes: Uint8Array; width: number; height: number };

/** The thumbnail and the original's (oriented) size, or null when sharp cannot decode the bytes. */
export async function makeThumbnail(bytes: Uint8Array): Promise<Thumbnail | null> {
  try {
    const image = sharp(bytes, { failOn: "error" }).autoOrient();
    const meta = await image.metadata();
    const { width, height } = meta.autoOrient ?? meta;
    if (!width || !height) return null;
    const thumb = await image.resize({ width: thumbnailWidth, withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
    return { bytes: new Uint8Array(thumb), width, height };
  } catch {
    return null;
  }
}
