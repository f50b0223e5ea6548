/**
 * The S3-compatible media driver (AWS S3, Cloudflare R2, MinIO, Aliyun OSS in S3 mode …).
 * "NoSuchKey" reads as null like a missing local file; every other failure throws an error
 * that names the driver, bucket and key, so a wrong bucket or key pair is obvious in the log.
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { assertSafeKey } from "./media-key";
import type { MediaStorage } from "./media-storage";

export type S3StorageConfig = { bucket: string; endpoint?: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };

// Only a missing object is "missing": a missing bucket (also a 404) is a configuration error.
const isMissing = (error: unknown) => error instanceof S3ServiceException && error.name === "NoSuchKey";

export function createS3Storage(config: S3StorageConfig): MediaStorage {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  const failed = (op: string, key: string, error: unknown) =>
    new Error(`media storage (s3 bucket ${config.bucket}): ${op} ${key} failed: ${(error as Error).name}: ${(error as Error).message}`, { cause: error });
  const open = async (key: string) => {
    try {
      return (await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: assertSafeKey(key) }))).Body ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw failed("get", key, error);
    }
  };
  return {
    driver: "s3",
    async put(key, bytes, contentType) {
      try {
        await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: assertSafeKey(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length }));
      } catch (error) {
        throw failed("put", key, error);
      }
    },
    async get(key) {
      const body = await open(key);
      return body ? body.transformToByteArray() : null;
    },
    async stream(key) {
      const body = await open(key);
      return body ? (body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
    },
    async delete(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: assertSafeKey(key) }));
      } catch (error) {
        if (!isMissing(error)) throw failed("delete", key, error);
      }
    },
  };
}
