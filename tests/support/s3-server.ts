/**
 * A real S3-protocol server (s3rver) on 127.0.0.1 with one bucket, on an ephemeral port, its
 * objects in a throwaway directory. s3rver knows one access key,
 * S3RVER (secret S3RVER); it rejects unknown key ids but does not verify SigV4 signatures.
 * Not a hand-written fake: s3rver 3.7.1 (npm, jamhall/s3rver) implements the S3 REST API
 * (docs.aws.amazon.com/AmazonS3/latest/API) that @aws-sdk/client-s3 speaks.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3StorageConfig } from "@/lib/media/s3-media-storage";

export type S3Peer = { config: S3StorageConfig; directory: string; close: () => Promise<void> };

export async function startS3Server(bucket = "redmatrix-media"): Promise<S3Peer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  return {
    config: {
      bucket,
      endpoint: `http://127.0.0.1:${port}`,
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    },
    directory,
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
