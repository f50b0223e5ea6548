/**
 * Drafts suite: a workspace with BENCH_DRAFTS drafts (default 50,000). In-process: list page
 * p95 (mixed filters, sorts, pages; full scope and a member limited to 2 accounts) and search
 * p95 (2-character LIKE terms and 3+ character trigram terms). Over HTTP against `next start`:
 * autosave round trip p95 of a 1,000-character note (one editor saving in sequence, then
 * BENCH_CONNECTIONS editors at once). Writes bench/results/drafts-<timestamp>.json.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { prepareApp, signIn, startApp, benchUser } from "../lib/app-server";
import type { BenchContext } from "../lib/context";
import { percentile } from "../lib/measure";
import { formatTable, writeResults } from "../lib/report";

export const name = "drafts";

type Stats = { name: string; n: number; p50: number; p95: number; p99: number; max: number; target?: number };

function stats(name: string, samples: number[], target?: number): Stats {
  const sorted = Float64Array.from(samples).sort();
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    name,
    n: samples.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    target,
  };
}

async function timed(samples: number[], fn: () => Promise<unknown>) {
  const t0 = performance.now();
  await fn();
  samples.push(performance.now() - t0);
}

const phrases = [
  "今天分享一个超实用的护肤步骤",
  "通勤穿搭一周不重样",
  "上海周末去哪儿",
  "这家咖啡店的拿铁真的绝了",
  "敏感肌姐妹看过来",
  "一人食快手菜",
  "平价好物清单",
  "健身餐打卡第",
  "秋冬必备单品",
  "旅行攻略收藏起来",
  "宝藏小店推荐",
  "学生党也能买得起",
];
const emoji = ["✨", "🔥", "💖", "☕", "🍂", "🌸", "📌"];
const searchTerms = ["咖啡", "护肤", "拿铁真的绝了", "通勤穿搭", "宝藏小店推荐", "健身", "旅行攻略", "第 4217 篇", "不存在的词语组合"];

export function noteText(i: number, chars: number): string {
  let text = "";
  for (let k = 0; text.length < chars; k++)
    text += phrases[(i * 7 + k) % phrases.length] + emoji[(i + k) % emoji.length] + (k % 3 === 2 ? "\n" : "，");
  return `第 ${i} 篇。${text}`.slice(0, chars);
}

export async function run(ctx: BenchContext): Promise<void> {
  const count = Math.round(Number(process.env.BENCH_DRAFTS ?? 50_000));
  const iterations = Math.round(Number(process.env.BENCH_ITERATIONS ?? 300));
  const prepared = await prepareApp(ctx.root);
  const { createDb } = await import("@/db/client");
  const { seedBenchDrafts } = await import("../lib/seed-drafts");
  const { loadWorkspaceContext } = await import("@/lib/auth/load-context");
  const { listDrafts } = await import("@/lib/drafts/list-drafts");
  const { searchDrafts } = await import("@/lib/drafts/search-drafts");
  const { docFromText } = await import("@/lib/drafts/doc-types");
  const db = createDb(prepared.env.DATABASE_URL);

  console.log(`bench: seeding ${count} drafts …`);
  const t0 = performance.now();
  const seeded = await seedBenchDrafts(db, prepared.slug, benchUser.email, count, (i) => noteText(i, 300));
  console.log(`bench: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const admin = (await loadWorkspaceContext(db, { userId: seeded.userId, workspace: { id: seeded.workspaceId }, via: "session" }))!;
  const limited = { ...admin, accountIds: seeded.accountIds.slice(0, 2) };

  const results: Stats[] = [];
  const listSamples: number[] = [];
  const limitedSamples: number[] = [];
  const statuses = ["draft", "in_review", "approved", undefined] as const;
  const sorts = ["updated_desc", "updated_asc", "created_desc", "title_asc"] as const;
  // Per filter kind too, so a slow p95 can be traced to the query shape behind it.
  const byKind = new Map<string, number[]>();
  for (let i = 0; i < iterations; i++) {
    const query = {
      status: statuses[i % 4],
      accountId: i % 5 === 0 ? seeded.accountIds[i % seeded.accountIds.length] : undefined,
      folderId: i % 7 === 0 ? seeded.folderIds[0] : undefined,
      sort: sorts[i % 4],
      page: 1 + (i % 50),
      pageSize: 20,
    };
    const kind =
      [query.accountId ? "account" : "", query.folderId ? "folder" : "", query.status ? "status" : ""].filter(Boolean).join("+") ||
      "no filter";
    const before = listSamples.length;
    await timed(listSamples, () => listDrafts(db, admin, query));
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(listSamples[before]);
    await timed(limitedSamples, () => listDrafts(db, limited, { ...query, accountId: undefined }));
  }
  results.push(stats("list page (in-process)", listSamples, 50), stats("list page, member limited to 2 accounts", limitedSamples, 50));
  for (const [kind, samples] of byKind) results.push(stats(`  list by filter: ${kind}`, samples));

  const shortSamples: number[] = [];
  const longSamples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const term = searchTerms[i % searchTerms.length];
    await timed([...term].length < 3 ? shortSamples : longSamples, () => searchDrafts(db, admin, { q: term, limit: 20 }));
  }
  results.push(stats("search, 3+ chars (FTS5 trigram)", longSamples, 50), stats("search, 2 chars (LIKE fallback)", shortSamples, 50));
  db.$client.close();

  const app = await startApp(prepared);
  try {
    const session = await signIn(app.baseUrl);
    const headers = { cookie: session.sessionCookie, "content-type": "application/json" };
    const note = docFromText(noteText(1, 1000));
    const createOne = async () => {
      const res = await fetch(`${app.baseUrl}/api/v1/drafts`, {
        method: "POST",
        headers,
        body: JSON.stringify({ title: "基准测试笔记", doc: note }),
      });
      if (res.status !== 201) throw new Error(`bench: create draft answered ${res.status}`);
      return ((await res.json()) as { draft: { id: string; version: number } }).draft;
    };
    const saveLoop = async (saves: number, samples: number[]) => {
      const draft = await createOne();
      let version = draft.version;
      for (let i = 0; i < saves; i++) {
        const body = JSON.stringify({ baseVersion: version, doc: docFromText(noteText(i, 1000)) });
        const t = performance.now();
        const res = await fetch(`${app.baseUrl}/api/v1/drafts/${draft.id}`, { method: "PUT", headers, body });
        const json = (await res.json()) as { draft?: { version: number } };
        samples.push(performance.now() - t);
        if (res.status !== 200 || !json.draft) throw new Error(`bench: autosave answered ${res.status}`);
        version = json.draft.version;
      }
    };
    await saveLoop(20, []); // warm-up
    const single: number[] = [];
    await saveLoop(iterations, single);
    const concurrent: number[] = [];
    const editors = ctx.settings.connections;
    await Promise.all(Array.from({ length: editors }, () => saveLoop(Math.ceil(iterations / editors), concurrent)));
    results.push(
      stats("autosave 1,000 chars over HTTP, 1 editor", single, 50),
      stats(`autosave 1,000 chars over HTTP, ${editors} editors at once`, concurrent),
    );
  } finally {
    await app.stop();
  }

  console.log(`\ndrafts — ${count} drafts, ${iterations} iterations each; ${ctx.machine.cpus} CPUs, node ${ctx.machine.node}\n`);
  console.log(
    formatTable(
      [
        { title: "measure" },
        { title: "n", align: "right" },
        { title: "p50 ms", align: "right" },
        { title: "p95 ms", align: "right" },
        { title: "p99 ms", align: "right" },
        { title: "max ms", align: "right" },
        { title: "target p95", align: "right" },
      ],
      results.map((r) => [
        r.name,
        String(r.n),
        r.p50.toFixed(2),
        r.p95.toFixed(2),
        r.p99.toFixed(2),
        r.max.toFixed(2),
        r.target ? `<= ${r.target}` : "-",
      ]),
    ),
  );
  const file = writeResults(ctx, "drafts", { suite: name, drafts: count, iterations, results });
  console.log(`\nbench: wrote ${path.relative(ctx.root, file)} (and drafts-latest.json)`);
}
