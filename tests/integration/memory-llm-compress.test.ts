/** Compression summarised by an OpenAI-compatible chat model (a local stand-in), with the extractive merge as the fallback. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, memories, memoryAiSettings } from "@/db/schema";
import { updateAiSettings } from "@/lib/memory/ai/update-ai-settings";
import { createMemory } from "@/lib/memory/create-memory";
import { compressMemories } from "@/lib/memory/maintenance/compress-memories";
import { undoRun } from "@/lib/memory/maintenance/undo-run";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { updateMemoryConfig } from "@/lib/memory/memory-config";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../support/fake-openai-server";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const chatKey = "sk-chat-secret-77";

describe("compression with an LLM summary", () => {
  let db: Db;
  let fake: FakeOpenAiServer;
  let admin: MemoryActor;
  const summary = "标题公式：数字+痛点（如“3个方法告别干皮”），封面用大字。";
  const cluster = async (suffix: string) => {
    for (const content of [
      `标题公式：数字加痛点，比如3个方法告别干皮。${suffix}`,
      `标题公式：数字加痛点，比如3个方法告别干皮。封面用大字。${suffix}`,
      `标题公式：数字加痛点，比如3个方法告别干皮！${suffix}`,
    ]) {
      await createMemory(db, admin, { content, importance: 0.4 });
    }
  };
  const content = async (id: string) =>
    (await db.select({ content: memories.content, metadata: memories.metadata }).from(memories).where(eq(memories.id, id)))[0];

  beforeAll(async () => {
    db = await migratedDb();
    fake = await startFakeOpenAiServer({ apiKey: chatKey, summarize: () => summary });
    const ws = await setUpWorkspace(db);
    admin = actorOf(ws.admin);
    await updateMemoryConfig(db, admin, { compressionThreshold: 0.8 });
    await updateAiSettings(db, ws.admin, { chat: { baseUrl: fake.url, model: "chat-mini", apiKey: chatKey } });
  });
  afterAll(() => fake.close());

  it("stores the model's summary, sends it every member, and keeps the key encrypted and out of the audit", async () => {
    await cluster("A");
    const run = await compressMemories(db, admin, { scope: "mine" });
    expect(run).toMatchObject({ clusters: 1, merged: 3, summarizedByModel: 1 });
    expect(await content(run.created[0])).toMatchObject({ content: summary, metadata: { summary: "model" } });
    const sent = fake.chatRequests.at(-1)!;
    expect(sent.model).toBe("chat-mini");
    expect(sent.messages.at(-1)!.content.split("\n")).toHaveLength(3);
    expect(sent.messages.at(-1)!.content).toContain("封面用大字");
    const [row] = await db.select().from(memoryAiSettings);
    expect(row.chatApiKey).toMatch(/^enc:v1:/);
    expect(JSON.stringify(await db.select().from(auditEvents))).not.toContain(chatKey);
    expect(await undoRun(db, admin, run.batchId)).toEqual({ restored: 3, removed: 1 });
  });

  it("falls back to the extractive merge when the model fails or stays rate limited", async () => {
    fake.setMode({ kind: "status", status: 500 });
    let run = await compressMemories(db, admin, { scope: "mine" });
    expect(run).toMatchObject({ clusters: 1, summarizedByModel: 0 });
    const merged = await content(run.created[0]);
    expect(merged.metadata).toMatchObject({ summary: "extractive" });
    expect(merged.content).toContain("封面用大字");
    expect(merged.content).not.toBe(summary);
    await undoRun(db, admin, run.batchId);

    fake.setMode({ kind: "ok" });
    fake.failNext(5, 429); // rate limited past the retry
    run = await compressMemories(db, admin, { scope: "mine" });
    expect(run.summarizedByModel).toBe(0);
    expect((await content(run.created[0])).metadata).toMatchObject({ summary: "extractive" });
  });

  it("uses the extractive merge when no chat model is configured", async () => {
    await db.update(memoryAiSettings).set({ chatBaseUrl: null, chatModel: null, chatApiKey: null });
    const before = fake.chatRequests.length;
    await cluster("B");
    const run = await compressMemories(db, admin, { scope: "mine" });
    expect(run.summarizedByModel).toBe(0);
    expect(fake.chatRequests.length).toBe(before);
  });
});
