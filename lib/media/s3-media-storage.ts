/**
 * The S3-compatible media driver (AWS S3, Cloudflare R2, MinIO, Aliyun OSS in S3 mode …).
 * "NoSuchKey" reads as null like a missing local file; every other failure throws an error
 * that names the driver, bucket and key, so a wrong bucket or key pair is obvious in the log.
 * Connections follow the outbound address policy: the SDK's Node handler gets http(s) agents
 * whose `lookup` checks every resolved address (safe-dispatcher.ts), and an IP-literal endpoint
 * (which skips lookup) is checked here when the client is made. The SDK follows no redirects.
 */
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { getEnv } from "@/lib/env";
import { classifyAddress, isClassAllowed, refusalReason, type PrivateAccess } from "@/lib/http/address-policy";
import { checkedLookup, type Resolve } from "@/lib/http/safe-dispatcher";
import { assertSafeKey } from "./media-key";
import type { MediaStorage } from "./media-storage";

export type S3StorageConfig = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

// Only a missing object is "missing": a missing bucket (also a 404) is a configuration error.
const isMissing = (error: unknown) => error instanceof S3ServiceException && error.name === "NoSuchKey";

/** Throws when the endpoint is an IP literal the policy refuses (names are checked on every connection). */
function assertEndpointAllowed(endpoint: string | undefined, access: PrivateAccess): void {
  if (!endpoint) return;
  const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, "");
  if (!isIP(host)) return;
  const cls = classifyAddress(host);
  if (!isClassAllowed(cls, access)) throw new Error(`media storage (s3): S3_ENDPOINT ${host} is refused: ${refusalReason(cls)}`);
}

export function createS3Storage(
  config: S3StorageConfig,
  outbound: { access: PrivateAccess; resolve?: Resolve } = { access: getEnv().outbound.privateAccess },
): MediaStorage {
  assertEndpointAllowed(config.endpoint, outbound.access);
  const lookup = checkedLookup(outbound.access, outbound.resolve);
  const client = new S3Client({
    requestHandler: { httpAgent: new http.Agent({ keepAlive: true, lookup }), httpsAgent: new https.Agent({ keepAlive: true, lookup }) },
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  const failed = (op: string, key: string, error: unknown) =>
    new Error(`media storage (s3 bucket ${config.bucket}): ${op} ${key} failed: ${(error as Error).name}: ${(error as Error).message}`, {
      cause: error,
    });
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
        await client.send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key: assertSafeKey(key),
            Body: bytes,
            ContentType: contentType,
            ContentLength: bytes.length,
          }),
        );
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
