import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as fileRoute from "@/app/api/v1/media/[id]/file/route";
import * as mediaRoute from "@/app/api/v1/media/route";
import * as draftRoute from "@/app/api/v1/drafts/[id]/route";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts } from "@/db/schema";
import { createDraft } from "@/lib/drafts/create-draft";
import { rebuildDraftSearchIndex, searchDrafts } from "@/lib/drafts/search-drafts";
import { getEnv } from "@/lib/env";
import { NextRequest } from "next/server";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

// A real 1x1 PNG.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function upload(token: string, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("file", new File([Buffer.from(bytes)], name));
  const req = new NextRequest("http://localhost:3000/api/v1/media", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  const res = await mediaRoute.POST(req, { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json() };
}

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

    const served = await fileRoute.GET(new NextRequest(`http://localhost:3000${res.json.media.url}`, { headers: { authorization: `Bearer ${writer.token}` } }), { params: Promise.resolve({ id: res.json.media.id }) });
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it("refuses an executable named .jpg and an empty file, storing nothing", async () => {
    const before = fs.existsSync(path.join(getEnv().dataDir, "media")) ? fs.readdirSync(path.join(getEnv().dataDir, "media"), { recursive: true }).length : 0;
    const exe = await upload(writer.token, "photo.jpg", Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    expect(exe.status).toBe(422);
    expect(exe.json.error.code).toBe("MEDIA_TYPE_REFUSED");
    expect((await upload(writer.token, "empty.png", new Uint8Array())).status).toBe(400);
    const after = fs.existsSync(path.join(getEnv().dataDir, "media")) ? fs.readdirSync(path.join(getEnv().dataDir, "media"), { recursive: true }).length : 0;
    expect(after).toBe(before);
    const list = await callRoute(mediaRoute.GET, "/api/v1/media", { token: writer.token });
    expect(list.json.media).toHaveLength(1);
  });

  it("saves uploaded images on a draft in order, and refuses script URLs as images", async () => {
    const a = (await upload(writer.token, "a.png", png)).json.media;
    const b = (await upload(writer.token, "b.png", png)).json.media;
    const draft = await createDraft(db, writer.ctx, { title: "图片顺序" });
    const put = (body: unknown) => callRoute(draftRoute.PUT, `/api/v1/drafts/${draft.id}`, { method: "PUT", token: writer.token, body, params: { id: draft.id } });
    const saved = await put({ baseVersion: 1, images: [{ url: b.url, alt: "封面" }, { url: a.url, alt: "" }] });
    expect(saved.json.draft.images.map((i: { url: string }) => i.url)).toEqual([b.url, a.url]);
    const bad = await put({ baseVersion: saved.json.draft.version, images: [{ url: "javascript:alert(1)", alt: "" }] });
    expect(bad.status).toBe(400);

    // A new cover changes what was approved: the approval is withdrawn.
    await db.update(drafts).set({ status: "approved" }).where(eq(drafts.id, draft.id));
    const recovered = await put({ baseVersion: saved.json.draft.version, images: [{ url: a.url, alt: "" }, { url: b.url, alt: "封面" }] });
    expect(recovered.json.draft).toMatchObject({ status: "draft", images: [{ url: a.url }, { url: b.url }] });
  });

  it("rebuilds the search index from the drafts (after a VACUUM)", async () => {
    await createDraft(db, writer.ctx, { title: "重建索引测试", text: "青岛啤酒节" });
    await rebuildDraftSearchIndex(db);
    expect((await searchDrafts(db, writer.ctx, { q: "青岛啤酒" })).map((h) => h.title)).toEqual(["重建索引测试"]);
  });
});
