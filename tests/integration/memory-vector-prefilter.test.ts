/**
 * The vector side filters first: a filter that few memories pass is answered by an exact scan of
 * just those (identical to exact search), and a broad one goes through the approximate index
 * with over-fetch and refill, staying within its recall bound of the exact filtered top-k.
 */
import { memoryFilterSql } from "@/lib/memory/filters/compile-memory-filter";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bulkInsertMemories } from "@/bench/lib/memory-bulk";
import { syntheticQuery } from "@/bench/lib/synthetic-memories";
import type { Db } from "@/db/client";
import { getEmbedder } from "@/lib/memory/embedder";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { exactScanLimit, vectorCandidates } from "@/lib/memory/search/candidates";
import { vectorSpaceOf } from "@/lib/memory/vectors/vector-space";
import { seededRandom } from "@/lib/random/seeded-random";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const builtin = vectorSpaceOf({ provider: "builtin" });
const total = exactScanLimit + 1_500;

describe("vector candidates under filters", () => {
  let db: Db;
  let actor: MemoryActor;
  let queries: number[][];

  beforeAll(async () => {
    db = await migratedDb();
    actor = actorOf((await setUpWorkspace(db)).admin);
    await bulkInsertMemories(db, actor, 0, total, "long_term", seededRandom(11));
    // One in twenty is "rare": far below the exact-scan limit; the rest are "common".
    await db.run(
      sql`UPDATE memories SET tags = json_array(CASE WHEN seq % 20 = 0 THEN 'rare' ELSE 'common' END) WHERE workspace_id = ${actor.workspaceId}`,
    );
    const rand = seededRandom(5);
    queries = await getEmbedder().embed(Array.from({ length: 12 }, () => syntheticQuery(rand)));
  }, 120_000);

  const recall = (got: number[], exact: number[]) => got.filter((s) => exact.includes(s)).length / exact.length;

  it("answers a narrow filter by an exact scan of the rows that pass it", async () => {
    const where = memoryFilterSql(actor, { tags: ["rare"] });
    for (const q of queries) {
      const exact = await vectorCandidates(db, builtin, actor.workspaceId, where, q, 10, "exact");
      expect(exact).toHaveLength(10);
      expect(await vectorCandidates(db, builtin, actor.workspaceId, where, q, 10)).toEqual(exact);
    }
  });

  it("keeps a broad filter's approximate search within its recall bound of the exact filtered top-10", async () => {
    const where = memoryFilterSql(actor, { tags: ["common"] });
    let sum = 0;
    for (const q of queries) {
      const exact = await vectorCandidates(db, builtin, actor.workspaceId, where, q, 10, "exact");
      const got = await vectorCandidates(db, builtin, actor.workspaceId, where, q, 10, "auto");
      expect(got).toHaveLength(10);
      sum += recall(got, exact);
    }
    expect(sum / queries.length).toBeGreaterThanOrEqual(0.8);
  });
});
