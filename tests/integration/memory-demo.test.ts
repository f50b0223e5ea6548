/** The demo workspace comes with brand memories the copilot can use right away. */
import { describe, expect, it } from "vitest";
import { actorOf } from "@/lib/memory/memory-access";
import { searchMemories } from "@/lib/memory/search/search-memories";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("demo memories", () => {
  it("seeds shared brand memories that search finds", async () => {
    const db = await migratedDb();
    const ws = await setUpWorkspace(db, { loadDemo: true });
    const { hits } = await searchMemories(db, actorOf(ws.admin), { query: "品牌调性" });
    expect(hits[0].memory).toMatchObject({ type: "long_term", privacy: "workspace", source: "import" });
  });
});
