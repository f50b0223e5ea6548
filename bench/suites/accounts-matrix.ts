/**
 * Account matrix suite: 100 accounts (8 demo + 92 imported over the API with groups, tags and
 * slots), then the matrix overview page (server-rendered, uncached:
 * every request runs the scoped query, grants, breaker states, filter and render), the same
 * page filtered, and GET /api/v1/accounts, against the static baseline.
 * "90 days of stats" is not part of the page yet: no snapshot table exists (see report notes).
 * Writes bench/results/accounts-matrix-<timestamp>.json and accounts-matrix-latest.json.
 */
import path from "node:path";
import { prepareApp, signIn, startApp } from "../lib/app-server";
import type { BenchContext } from "../lib/context";
import { measure, type EndpointResult, type EndpointSpec } from "../lib/measure";
import { endpointTable, writeResults } from "../lib/report";

export const name = "accounts-matrix";
const extra = 92;

function importCsv(): string {
  const groups = ["美妆护肤", "穿搭", "本地生活", "美食", "健身", "母婴"];
  const rows = Array.from({ length: extra }, (_, i) => {
    const g = `${groups[i % groups.length]}|批次${1 + Math.floor(i / 25)}`;
    return `矩阵号${String(i + 1).padStart(3, "0")},bench_acc_${i + 1},${g},标签${i % 7}|测试,${1 + (i % 3)},08:00|12:30|20:30`;
  });
  return ["name,redId,groups,tags,dailyPostCap,postingSlots", ...rows].join("\n");
}

export async function run(ctx: BenchContext): Promise<void> {
  const prepared = await prepareApp(ctx.root);
  const app = await startApp(prepared);
  try {
    const session = await signIn(app.baseUrl);
    const headers = { cookie: session.sessionCookie, "content-type": "application/json", origin: app.baseUrl };
    const imported = await fetch(`${app.baseUrl}/api/v1/accounts/import`, { method: "POST", headers, body: JSON.stringify({ csv: importCsv() }) });
    const body = (await imported.json()) as { imported?: number };
    if (imported.status !== 201 || body.imported !== extra) throw new Error(`bench: import answered ${imported.status} ${JSON.stringify(body).slice(0, 300)}`);
    const list = (await (await fetch(`${app.baseUrl}/api/v1/accounts`, { headers })).json()) as { total: number };
    if (list.total !== 100) throw new Error(`bench: expected 100 accounts, the API lists ${list.total}`);

    const authed = { cookie: session.sessionCookie };
    const page = `/${prepared.slug}/accounts`;
    const specs: EndpointSpec[] = [
      { name: "baseline", path: "/robots.txt", note: "static file from public/, no app code" },
      { name: "matrix page (100)", path: page, headers: authed, note: "server-rendered table of 100 accounts, uncached" },
      { name: "matrix page filtered", path: `${page}?group=${encodeURIComponent("美食")}&sort=status`, headers: authed, note: "group filter + status sort" },
      { name: "matrix cards (100)", path: `${page}?view=cards`, headers: authed, note: "card grid of 100 accounts" },
      { name: "api accounts (100)", path: "/api/v1/accounts", headers: authed, note: "JSON list with breaker states and facets" },
    ];
    const results: EndpointResult[] = [];
    for (const spec of specs) results.push(await measure(app.baseUrl, spec, ctx.settings));

    console.log(`\naccounts-matrix — 100 accounts, ${ctx.machine.cpus} CPUs, node ${ctx.machine.node}, ${ctx.settings.durationSec}s per endpoint\n`);
    console.log(endpointTable(results, "baseline"));
    const file = writeResults(ctx, "accounts-matrix", {
      suite: name,
      accounts: 100,
      notes: ["uncached: every request queries and renders; no cached variant exists yet", "followers / 90-day stats are not shown: no snapshot data exists yet"],
      endpoints: results,
    });
    console.log(`\nbench: wrote ${path.relative(ctx.root, file)}`);
  } finally {
    await app.stop();
  }
}
