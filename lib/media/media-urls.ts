/**
 * URLs of our media routes. Drafts store the original's URL (what gets published); screens that
 * show small images ask for the thumbnail of the same media instead.
 */
export function mediaUrl(id: string): string {
  return `/api/v1/media/${id}/file`;
}

const ownMedia = /^\/api\/v1\/media\/([A-Za-z0-9_-]+)\/file$/;

/** The thumbnail URL for one of our originals; any other URL (an external image) is returned as is. */
export function thumbnailUrl(imageUrl: string): string {
  const id = ownMedia.exec(imageUrl)?.[1];
  return id ? `/api/v1/media/${id}/thumb` : imageUrl;
}
