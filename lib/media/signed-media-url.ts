/**
 * Short-lived signed URLs for our media, for callers without a session: the publishing bridge
 * downloads a note's images itself (it fetches only `http(s)://` URLs and sends no cookie).
 * `?expires=<unix s>&sig=<HMAC-SHA256(id "." expires)>`, keyed by a key derived from
 * AUTH_SECRET; built on APP_URL, which must be reachable from the bridge's machine. The media
 * route serves a valid, unexpired one without a session (signed-media-response.ts).
 */
import { createHmac } from "node:crypto";
import { sameSecret } from "@/lib/security/same-secret";
import { mediaIdOf, mediaUrl } from "./media-urls";

const keyOf = (authSecret: string) => createHmac("sha256", authSecret).update("redmatrix signed media url v1").digest();

function signatureOf(id: string, expires: number, authSecret: string): string {
  return createHmac("sha256", keyOf(authSecret)).update(`${id}.${expires}`).digest("base64url");
}

export type MediaSigner = { appUrl: string; authSecret: string; expiresAt: Date };

export function signedMediaUrl(id: string, signer: MediaSigner): string {
  const expires = Math.ceil(signer.expiresAt.getTime() / 1000);
  return `${signer.appUrl.replace(/\/+$/, "")}${mediaUrl(id)}?expires=${expires}&sig=${signatureOf(id, expires, signer.authSecret)}`;
}

/** Our own media (`/api/v1/media/<id>/file`) become signed absolute URLs; other URLs are kept as they are. */
export function signMediaUrls(urls: string[], signer: MediaSigner): string[] {
  return urls.map((url) => {
    const id = mediaIdOf(url);
    return id ? signedMediaUrl(id, signer) : url;
  });
}

export function isValidMediaSignature(
  id: string,
  expires: string | null,
  sig: string | null,
  authSecret: string,
  now = new Date(),
): boolean {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires)) return false;
  if (Number(expires) * 1000 < now.getTime()) return false;
  return sameSecret(sig, signatureOf(id, Number(expires), authSecret));
}
