/**
 * Memory search over HTTP: BENCH_MEMORY_HTTP_COUNT memories (default 100,000) in the bench
 * workspace of a real `next start`, then POST /api/v1/memories/search (hybrid, top-10) with a
 * signed-in session, one request at a time with distinct queries (every one a cache miss), for
 * p50/p95; then the same with BENCH_CONNECTIONS clients at once. Writes memory-http-*.json.
 */
import type { BenchContext } from "../lib/context";
import { benchUser, prepareApp, signIn, startApp } from "../lib/app-server";
import { formatTable, writeResults } from "../lib/report";
import { bulkInsertMemories } from "../lib/memory-bulk";
import { seededRandom } from "@/lib/random/seeded-random";
import { syntheticQuery } from "../lib/synthetic-memories";

export const name = "memory-http";

const nearestRank = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function run(ctx: BenchContext): Promise<void> {
  const count = Math.max(1, Number(process.env.BENCH_MEMORY_HTTP_COUNT ?? 100_000));
  const iterations = Math.max(20, Number(process.env.BENCH_ITERATIONS ?? 300));
  const prepared = await prepareApp(ctx.root);
  const { createDb } = await import("@/db/client");
  const { eq } = await import("drizzle-orm");
  const { users, members } = await import("@/db/schema");
  const db = createDb(prepared.env.DATABASE_URL);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, benchUser.email));
  const [member] = await db.select({ workspaceId: members.workspaceId }).from(members).where(eq(members.userId, user.id));
  console.log(`bench: seeding ${count} memories …`);
  const t0 = performance.now();
  await bulkInsertMemories(db, { workspaceId: member.workspaceId, userId: user.id }, 0, count, "long_term", seededRandom(42));
  console.log(`bench: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  db.$client.close();

  const rand = seededRandom(9);
  const queries = Array.from({ length: iterations * 2 + 20 }, (_, i) => `${syntheticQuery(rand)} ${i}`);
  const app = await startApp(prepared);
  const rows: string[][] = [];
  const results: Record<string, unknown> = { count, iterations };
  try {
    const session = await signIn(app.baseUrl);
    const headers = { cookie: session.sessionCookie, "content-type": "application/json" };
    let next = 0;
    const searchOnce = async (samples: number[]) => {
      const body = JSON.stringify({ query: queries[next++ % queries.length], k: 10 });
      const t = performance.now();
      const res = await fetch(`${app.baseUrl}/api/v1/memories/search`, { method: "POST", headers, body });
      const json = (await res.json()) as { hits?: unknown[] };
      samples.push(performance.now() - t);
      if (res.status !== 200 || !Array.isArray(json.hits)) throw new Error(`bench: search answered ${res.status}`);
    };
    for (let i = 0; i < 20; i++) await searchOnce([]); // warm-up
    const single: number[] = [];
    for (let i = 0; i < iterations; i++) await searchOnce(single);
    single.sort((a, b) => a - b);
    const clients = ctx.settings.connections;
    const concurrent: number[] = [];
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; i < Math.ceil(iterations / clients); i++) await searchOnce(concurrent);
      }),
    );
    concurrent.sort((a, b) => a - b);
    rows.push([
      "POST /api/v1/memories/search, 1 client (uncached)",
      `${single.length}`,
      `${nearestRank(single, 50).toFixed(1)} / ${nearestRank(single, 95).toFixed(1)} ms`,
    ]);
    rows.push([
      `POST /api/v1/memories/search, ${clients} clients`,
      `${concurrent.length}`,
      `${nearestRank(concurrent, 50).toFixed(1)} / ${nearestRank(concurrent, 95).toFixed(1)} ms`,
    ]);
    Object.assign(results, {
      httpSearchP50Ms: nearestRank(single, 50),
      httpSearchP95Ms: nearestRank(single, 95),
      concurrentClients: clients,
      concurrentP50Ms: nearestRank(concurrent, 50),
      concurrentP95Ms: nearestRank(concurrent, 95),
    });
  } finally {
    await app.stop();
  }
  console.log(formatTable([{ title: "measure (p50 / p95)", align: "left" }, { title: "n" }, { title: "result" }], rows));
  console.log(`results: ${writeResults(ctx, "memory-http", results)}`);
}
