/** Compressing dialogue memories keeps every turn under its speaker, links the merge to its sources (lib and REST), and undo restores the originals. */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as memoryRoute from "@/app/api/v1/memories/[id]/route";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { WorkspaceContext } from "@/lib/auth/context";
import { updateAiSettings } from "@/lib/memory/ai/update-ai-settings";
import { createMemory } from "@/lib/memory/create-memory";
import { compressMemories } from "@/lib/memory/maintenance/compress-memories";
import { undoRun } from "@/lib/memory/maintenance/undo-run";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { updateMemoryConfig } from "@/lib/memory/memory-config";
import { memoryLineage } from "@/lib/memory/memory-lineage";
import { maxContentChars } from "@/lib/memory/memory-schemas";
import { callRoute } from "../support/call-route";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../support/fake-openai-server";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const english: [string, Record<string, unknown>?][] = [
  ["Caroline: Have you been able to get outside lately? I keep thinking about a camping trip at Big Sur with the kids."],
  ["Melanie: Not lately. Our camping trip at Big Sur with the kids was 3 nights, and the kids loved it."],
  ["Have you been able to get outside lately? A camping trip at Big Sur with the kids sounds great.", { speaker: "Caroline" }],
  ["Melanie: The camping trip at Big Sur with the kids was great! Did your kids like camping?"],
];
const englishMerged = [
  "Caroline: Have you been able to get outside lately? I keep thinking about a camping trip at Big Sur with the kids.",
  "Melanie: Not lately. Our camping trip at Big Sur with the kids was 3 nights, and the kids loved it.",
  "Caroline: Have you been able to get outside lately? A camping trip at Big Sur with the kids sounds great.",
  "Melanie: The camping trip at Big Sur with the kids was great! Did your kids like camping?",
].join("\n");
const chinese: [string, Record<string, unknown>?][] = [
  ["小红：周末去西湖拍照了吗？西湖的荷花开了。"],
  ["小李：周末去了西湖拍照，西湖的荷花拍了200多张照片。"],
  ["西湖的荷花照片发我看看？周末再去西湖拍照吗？", { speaker: "小红" }],
];
const chineseMerged = [
  "小红：周末去西湖拍照了吗？西湖的荷花开了。",
  "小李：周末去了西湖拍照，西湖的荷花拍了200多张照片。",
  "小红：西湖的荷花照片发我看看？周末再去西湖拍照吗？",
].join("\n");

describe("compressing dialogue", () => {
  let db: Db;
  let admin: MemoryActor;
  let adminCtx: WorkspaceContext;
  let operator: MemoryActor;
  let adminToken = "";
  let fake: FakeOpenAiServer;
  let modelAnswer = "";
  const ids: { english: string[]; chinese: string[]; other: string } = { english: [], chinese: [], other: "" };
  const row = async (id: string) => (await db.select().from(memories).where(eq(memories.id, id)))[0];

  /** Creates the turns a minute apart, newest first, so creation order and insertion order differ. */
  async function createDialogue(
    actor: MemoryActor,
    turns: [string, Record<string, unknown>?][],
    startMinute: number,
    leaderImportance: number,
  ) {
    const created: string[] = [];
    for (const [i, [content, metadata]] of [...turns.entries()].reverse()) {
      const m = await createMemory(db, actor, { content, metadata: metadata ?? {}, importance: i === 0 ? leaderImportance : 0.3 });
      await db.run(sql`UPDATE memories SET created_at = ${Date.UTC(2025, 4, 10, 9, startMinute + i)} WHERE id = ${m.id}`);
      created[i] = m.id;
    }
    return created;
  }

  beforeAll(async () => {
    db = await migratedDb();
    fake = await startFakeOpenAiServer({ apiKey: "sk-dialogue", summarize: () => modelAnswer });
    const ws = await setUpWorkspace(db);
    adminCtx = ws.admin;
    admin = actorOf(ws.admin);
    adminToken = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    operator = actorOf((await memberWithToken(db, ws.admin, "operator")).ctx);
    await updateMemoryConfig(db, admin, { compressionThreshold: 0.5 });
    await updateMemoryConfig(db, operator, { compressionThreshold: 0.5 });
    ids.english = await createDialogue(admin, english, 0, 0.6);
    ids.chinese = await createDialogue(admin, chinese, 10, 0.5);
    ids.other = (await createMemory(db, admin, { content: "Invoice template: use the blue header", importance: 0.2 })).id;
  });
  afterAll(() => fake.close());

  it("merges each dialogue with every turn under its speaker, in creation order, linked to its sources; undo restores them", async () => {
    const run = await compressMemories(db, admin, { scope: "mine" });
    expect(run).toMatchObject({ clusters: 2, merged: 7, skipped: 0, summarizedByModel: 0 });
    const merged = await Promise.all(run.created.map(row));
    const en = merged.find((m) => m.content.startsWith("Caroline"))!;
    const zh = merged.find((m) => m.content.startsWith("小红"))!;
    expect(en.content).toBe(englishMerged);
    expect(zh.content).toBe(chineseMerged);
    expect(en).toMatchObject({
      type: "long_term",
      source: "compression",
      importance: 0.6,
      metadata: { compressedFrom: ids.english, summary: "extractive" },
    });
    expect(zh.metadata).toMatchObject({ compressedFrom: ids.chinese });
    expect(await row(ids.other)).toMatchObject({ compressedInto: null });

    const lineage = await memoryLineage(db, admin, en.id);
    expect(lineage.mergedFrom.map((m) => m.id)).toEqual(ids.english);
    expect((await memoryLineage(db, admin, ids.english[1])).mergedInto?.id).toBe(en.id);

    const get = (id: string) => callRoute(memoryRoute.GET, `/api/v1/memories/${id}`, { token: adminToken, params: { id } });
    const got = await get(en.id);
    expect(got.status).toBe(200);
    expect(got.json.memory.content).toBe(englishMerged);
    expect(got.json.mergedFrom.map((m: { id: string }) => m.id)).toEqual(ids.english);
    expect(got.json.mergedFrom.map((m: { content: string }) => m.content)).toEqual(english.map(([c]) => c));
    expect(got.json.mergedInto).toBeNull();
    const member = await get(ids.chinese[1]);
    expect(member.json.mergedInto.id).toBe(zh.id);
    expect(member.json.mergedFrom).toEqual([]);

    expect(await undoRun(db, admin, run.batchId)).toEqual({ restored: 7, removed: 2 });
    expect(await row(en.id)).toBeUndefined();
    for (const [i, id] of ids.english.entries())
      expect(await row(id)).toMatchObject({ content: english[i][0], compressedInto: null, type: "short_term" });
    for (const [i, id] of ids.chinese.entries()) expect(await row(id)).toMatchObject({ content: chinese[i][0], compressedInto: null });
  });

  it("uses a model's summary only when it keeps every speaker, number and name; sends the turns attributed and in order", async () => {
    await updateAiSettings(db, adminCtx, { chat: { baseUrl: fake.url, model: "chat-mini", apiKey: "sk-dialogue" } });
    modelAnswer = "Caroline and Melanie talked about a camping trip at Big Sur with the kids.\n小红和小李聊了西湖。";
    let run = await compressMemories(db, admin, { scope: "mine" });
    expect(run).toMatchObject({ clusters: 2, summarizedByModel: 0 });
    const contents = (await Promise.all(run.created.map(row))).map((m) => m.content).sort();
    expect(contents).toEqual([englishMerged, chineseMerged].sort());
    const sent = fake.chatRequests.map((r) => r.messages.at(-1)!.content).find((c) => c.includes("Caroline"))!;
    expect(sent.split("\n")).toEqual(english.map(([c, meta], i) => `${i + 1}. ${meta ? `${meta.speaker}: ` : ""}${c}`));
    await undoRun(db, admin, run.batchId);

    modelAnswer =
      "Caroline: Have you been able to get outside lately? She dreams of a camping trip at Big Sur with the kids. Melanie: Not lately; their Big Sur trip was 3 nights and the kids loved it. Did your kids like camping?\n" +
      "小红：周末去西湖拍照了吗？荷花开了。小李：拍了200多张照片。";
    run = await compressMemories(db, admin, { scope: "mine" });
    expect(run).toMatchObject({ clusters: 2, summarizedByModel: 2 });
    expect((await row(run.created[0])).metadata).toMatchObject({ summary: "model" });
    await undoRun(db, admin, run.batchId);
  });

  it("leaves a cluster unmerged when its merge would not fit in one memory, instead of cutting it", async () => {
    const packing = (who: string) =>
      `${who}: ${Array.from({ length: 100 }, (_, i) => `${who} packs item ${i} for the lake weekend.`).join(" ")}`;
    const a = await createMemory(db, operator, { content: packing("Caroline"), importance: 0.5 });
    const b = await createMemory(db, operator, { content: packing("Melanie"), importance: 0.3 });
    expect(packing("Caroline").length).toBeLessThan(maxContentChars);
    expect(packing("Caroline").length + packing("Melanie").length).toBeGreaterThan(maxContentChars);
    expect(await compressMemories(db, operator, { scope: "mine", dryRun: true })).toMatchObject({ clusters: 1, skipped: 1 });
    const run = await compressMemories(db, operator, { scope: "mine" });
    expect(run).toMatchObject({ clusters: 0, skipped: 1, created: [] });
    expect(await row(a.id)).toMatchObject({ compressedInto: null, content: packing("Caroline") });
    expect(await row(b.id)).toMatchObject({ compressedInto: null, content: packing("Melanie") });
  });
});
