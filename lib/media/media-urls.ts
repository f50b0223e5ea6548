/**
 * URLs of our media routes. Drafts store the original's URL (what gets published); screens that
 * show small images ask for the thumbnail of the same media instead.
 */
export function mediaUrl(id: string): string {
  return `/api/v1/media/${id}/file`;
}

const ownMedia = /^\/api\/v1\/media\/([A-Za-z0-9_-]+)\/file$/;

/** The media id of one of our originals' URLs, or null for any other URL (an external image). */
export function mediaIdOf(imageUrl: string): string | null {
  return ownMedia.exec(imageUrl)?.[1] ?? null;
}

/** The thumbnail URL for one of our originals; any other URL (an external image) is returned as is. */
export function thumbnailUrl(imageUrl: string): string {
  const id = mediaIdOf(imageUrl);
  return id ? `/api/v1/media/${id}/thumb` : imageUrl;
}
