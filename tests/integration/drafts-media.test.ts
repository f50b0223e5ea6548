import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import * as fileRoute from "@/app/api/v1/media/[id]/file/route";
import * as thumbRoute from "@/app/api/v1/media/[id]/thumb/route";
import * as mediaRoute from "@/app/api/v1/media/route";
import * as draftRoute from "@/app/api/v1/drafts/[id]/route";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts, media } from "@/db/schema";
import { createDraft } from "@/lib/drafts/create-draft";
import { rebuildDraftSearchIndex, searchDrafts } from "@/lib/drafts/search-drafts";
import { getEnv } from "@/lib/env";
import { createS3Storage } from "@/lib/media/s3-media-storage";
import { uploadMedia } from "@/lib/media/upload-media";
import { NextRequest } from "next/server";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { startS3Server } from "../support/s3-server";
import { migratedDb } from "../support/test-db";

// A real 1x1 PNG.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function upload(token: string, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("file", new File([Buffer.from(bytes)], name));
  const req = new NextRequest("http://localhost:3000/api/v1/media", {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const res = await mediaRoute.POST(req, { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json() };
}

// A real 1200x900 JPEG photo-like gradient.
const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 220, g: 80, b: 90 } } })
    .jpeg({ quality: 90 })
    .toBuffer();

async function fetchMedia(route: typeof fileRoute, token: string, id: string) {
  return route.GET(new NextRequest(`http://localhost:3000/api/v1/media/${id}/x`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ id }),
  });
}
const filesUnder = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0);

describe("media uploads and draft images", () => {
  let db: Db;
  let writer: Awaited<ReturnType<typeof memberWithToken>>;
  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    writer = await memberWithToken(db, ws.admin, "operator", "media@example.com");
  });

  it("stores a real image under the data dir and serves it back with its detected type", async () => {
    const res = await upload(writer.token, "封面.png", png);
    expect(res.status).toBe(201);
    expect(res.json.media).toMatchObject({ contentType: "image/png", bytes: png.length, originalName: "封面.png" });
    const stored = path.join(getEnv().dataDir, "media", res.json.media.storageKey);
    expect(fs.readFileSync(stored).equals(png)).toBe(true);

    const served = await fileRoute.GET(
      new NextRequest(`http://localhost:3000${res.json.media.url}`, { headers: { authorization: `Bearer ${writer.token}` } }),
      { params: Promise.resolve({ id: res.json.media.id }) },
    );
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it("refuses an executable named .jpg and an empty file, storing nothing", async () => {
    const before = fs.existsSync(path.join(getEnv().dataDir, "media"))
      ? fs.readdirSync(path.join(getEnv().dataDir, "media"), { recursive: true }).length
      : 0;
    const exe = await upload(writer.token, "photo.jpg", Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    expect(exe.status).toBe(422);
    expect(exe.json.error.code).toBe("MEDIA_TYPE_REFUSED");
    expect((await upload(writer.token, "empty.png", new Uint8Array())).status).toBe(400);
    const after = fs.existsSync(path.join(getEnv().dataDir, "media"))
      ? fs.readdirSync(path.join(getEnv().dataDir, "media"), { recursive: true }).length
      : 0;
    expect(after).toBe(before);
    const list = await callRoute(mediaRoute.GET, "/api/v1/media", { token: writer.token });
    expect(list.json.media).toHaveLength(1);
    // Uploaded before thumbnails existed: the thumb route answers with the original.
    await db.update(media).set({ thumbKey: null }).where(eq(media.id, list.json.media[0].id));
    const old = await fetchMedia(thumbRoute, writer.token, list.json.media[0].id);
    expect(old.headers.get("content-type")).toBe("image/png");
  });

  it("makes a 320 px WebP thumbnail on upload, served beside the untouched original", async () => {
    const original = await photo();
    const res = await upload(writer.token, "大图.jpg", original);
    expect(res.status).toBe(201);
    expect(res.json.media).toMatchObject({
      contentType: "image/jpeg",
      width: 1200,
      height: 900,
      thumbUrl: `/api/v1/media/${res.json.media.id}/thumb`,
    });
    const thumb = await fetchMedia(thumbRoute, writer.token, res.json.media.id);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const thumbBytes = Buffer.from(await thumb.arrayBuffer());
    expect(await sharp(thumbBytes).metadata()).toMatchObject({ format: "webp", width: 320, height: 240 });
    expect(thumbBytes.length).toBeLessThan(original.length);
    const full = Buffer.from(await (await fetchMedia(fileRoute, writer.token, res.json.media.id)).arrayBuffer());
    expect(full.equals(original)).toBe(true);
    const listed = (await callRoute(mediaRoute.GET, "/api/v1/media", { token: writer.token })).json.media[0];
    expect(listed).toMatchObject({ id: res.json.media.id, thumbUrl: res.json.media.thumbUrl });
  });

  it("refuses with 422 an image sharp cannot decode (right magic bytes, broken data), storing nothing", async () => {
    const mediaDir = path.join(getEnv().dataDir, "media");
    const before = filesUnder(mediaDir);
    const broken = Buffer.concat([png.subarray(0, 16), Buffer.alloc(200, 0x41)]);
    const res = await upload(writer.token, "broken.png", broken);
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "MEDIA_UNDECODABLE" });
    expect(res.json.error.message).toMatch(/无法读取|cannot be read/);
    expect(filesUnder(mediaDir)).toBe(before);
  });

  it("saves uploaded images on a draft in order, and refuses script URLs as images", async () => {
    const a = (await upload(writer.token, "a.png", png)).json.media;
    const b = (await upload(writer.token, "b.png", png)).json.media;
    const draft = await createDraft(db, writer.ctx, { title: "图片顺序" });
    const put = (body: unknown) =>
      callRoute(draftRoute.PUT, `/api/v1/drafts/${draft.id}`, { method: "PUT", token: writer.token, body, params: { id: draft.id } });
    const saved = await put({
      baseVersion: 1,
      images: [
        { url: b.url, alt: "封面" },
        { url: a.url, alt: "" },
      ],
    });
    expect(saved.json.draft.images.map((i: { url: string }) => i.url)).toEqual([b.url, a.url]);
    const bad = await put({ baseVersion: saved.json.draft.version, images: [{ url: "javascript:alert(1)", alt: "" }] });
    expect(bad.status).toBe(400);

    // A new cover changes what was approved: the approval is withdrawn.
    await db.update(drafts).set({ status: "approved" }).where(eq(drafts.id, draft.id));
    const recovered = await put({
      baseVersion: saved.json.draft.version,
      images: [
        { url: a.url, alt: "" },
        { url: b.url, alt: "封面" },
      ],
    });
    expect(recovered.json.draft).toMatchObject({ status: "draft", images: [{ url: a.url }, { url: b.url }] });
  });

  it("rebuilds the search index from the drafts (after a VACUUM)", async () => {
    await createDraft(db, writer.ctx, { title: "重建索引测试", text: "青岛啤酒节" });
    await rebuildDraftSearchIndex(db);
    expect((await searchDrafts(db, writer.ctx, { q: "青岛啤酒" })).map((h) => h.title)).toEqual(["重建索引测试"]);
  });

  it("through the S3 driver (real S3-protocol server): puts the original and its thumbnail in the bucket, and removes both when the row cannot be written", async () => {
    const s3 = await startS3Server();
    try {
      const storage = createS3Storage(s3.config);
      const row = await uploadMedia(db, storage, writer.ctx, { name: "s3.jpg", bytes: await photo() });
      expect(row.thumbKey).toBe(row.storageKey.replace(".jpg", "_thumb.webp"));
      expect((await sharp(Buffer.from((await storage.get(row.thumbKey!))!)).metadata()).width).toBe(320);
      expect((await storage.get(row.storageKey))!.length).toBe(row.bytes);

      // The uploader is gone from the users table: the insert fails and nothing stays in the bucket.
      const ghost = { ...writer.ctx, userId: "usr_missing" };
      const keysBefore = filesUnder(s3.directory);
      await expect(uploadMedia(db, storage, ghost, { name: "ghost.png", bytes: png })).rejects.toThrow();
      expect(filesUnder(s3.directory)).toBe(keysBefore);
    } finally {
      await s3.close();
    }
  });
});
