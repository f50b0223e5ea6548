/**
 * One contract, both media drivers: the local files driver and the S3 driver against a real
 * S3-protocol server (s3rver). Put, get, stream, overwrite, delete, missing keys, unsafe keys.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnv, describeDrivers } from "@/lib/env";
import { createLocalStorage } from "@/lib/media/local-media-storage";
import type { MediaStorage } from "@/lib/media/media-storage";
import { createS3Storage } from "@/lib/media/s3-media-storage";
import { startS3Server, type S3Peer } from "../support/s3-server";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

let s3: S3Peer;
const localRoot = fs.mkdtempSync(path.join(os.tmpdir(), "media-local-"));
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(localRoot, { recursive: true, force: true });
});

const drivers: [string, () => MediaStorage][] = [
  ["local", () => createLocalStorage(localRoot)],
  ["s3", () => createS3Storage(s3.config)],
];

describe.each(drivers)("media storage contract: %s driver", (name, make) => {
  const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256);
  const key = `ws_contract/med_${name}.png`;

  it("stores bytes and reads them back whole and as a stream", async () => {
    const storage = make();
    expect(storage.driver).toBe(name);
    await storage.put(key, bytes, "image/png");
    expect(Buffer.from((await storage.get(key))!).equals(Buffer.from(bytes))).toBe(true);
    expect((await readAll((await storage.stream(key))!)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("overwrites an existing key", async () => {
    const storage = make();
    await storage.put(key, Uint8Array.from([1, 2, 3]), "image/png");
    expect([...(await storage.get(key))!]).toEqual([1, 2, 3]);
  });

  it("deletes, after which the key reads as missing (null), and deleting again is fine", async () => {
    const storage = make();
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stream(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("answers null for a key that never existed", async () => {
    expect(await make().get(`ws_contract/never_${name}.webp`)).toBeNull();
  });

  it("refuses keys it did not generate (path traversal, other extensions)", async () => {
    const storage = make();
    for (const bad of ["../etc/passwd", "ws/../../x.png", "ws/a.exe", "a.png", "ws/sub/a.png"]) {
      await expect(storage.put(bad, bytes, "image/png")).rejects.toThrow(/unsafe media key/);
      await expect(storage.get(bad)).rejects.toThrow(/unsafe media key/);
    }
  });
});

describe("S3 driver failures and configuration", () => {
  it("says which bucket and key failed when the bucket does not exist", async () => {
    const storage = createS3Storage({ ...s3.config, bucket: "no-such-bucket" });
    await expect(storage.put("ws/med_x.png", Uint8Array.from([1]), "image/png")).rejects.toThrow(
      /s3 bucket no-such-bucket\): put ws\/med_x\.png failed: NoSuchBucket/,
    );
    await expect(storage.get("ws/med_x.png")).rejects.toThrow(/get ws\/med_x\.png failed: NoSuchBucket/);
  });

  it("says so when the access key is unknown (a failure, not a missing object)", async () => {
    const storage = createS3Storage({ ...s3.config, accessKeyId: "NOT-A-KEY" });
    await expect(storage.get("ws/med_x.png")).rejects.toThrow(/s3 bucket redmatrix-media\): get ws\/med_x\.png failed: InvalidAccessKeyId/);
  });

  it("is selected by S3_BUCKET, requires both keys, and is named in the startup log", () => {
    const base = { NODE_ENV: "test" as const, DATA_DIR: "/tmp/rm-env" };
    expect(buildEnv(base).media).toEqual({ driver: "local", root: "/tmp/rm-env/media" });
    expect(describeDrivers(buildEnv(base))).toContain(
      "media: local files /tmp/rm-env/media (set S3_BUCKET and S3 keys for S3-compatible storage)",
    );
    expect(() => buildEnv({ ...base, S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k" })).toThrow(/S3_SECRET_ACCESS_KEY are required/);
    const env = buildEnv({
      ...base,
      S3_BUCKET: "b",
      S3_ENDPOINT: "http://minio.lan:9000",
      S3_ACCESS_KEY_ID: "k",
      S3_SECRET_ACCESS_KEY: "s",
      S3_FORCE_PATH_STYLE: "true",
    });
    expect(env.media).toMatchObject({
      driver: "s3",
      bucket: "b",
      endpoint: "http://minio.lan:9000",
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(describeDrivers(env)).toContain("media: S3 bucket b at minio.lan:9000 (path-style)");
  });
});
