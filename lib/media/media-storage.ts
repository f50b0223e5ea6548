/**
 * Where media bytes live, behind one small interface: files under <DATA_DIR>/media (the
 * embedded default) or an S3-compatible bucket when S3_BUCKET is set (see lib/env.ts).
 * Both drivers answer the same contract (tests/integration/media-storage-contract.test.ts):
 * a missing key reads as null, an unsafe key is refused, any other failure throws.
 */
import { getEnv } from "@/lib/env";
import { createLocalStorage } from "./local-media-storage";
import { createS3Storage } from "./s3-media-storage";

export interface MediaStorage {
  readonly driver: "local" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The whole object, or null when there is no object under this key. */
  get(key: string): Promise<Uint8Array | null>;
  /** The object as a stream (served without buffering it), or null when missing. */
  stream(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

let cached: MediaStorage | undefined;
export function getMediaStorage(): MediaStorage {
  const { media } = getEnv();
  cached ??= media.driver === "s3" ? createS3Storage(media) : createLocalStorage(media.root);
  return cached;
}
