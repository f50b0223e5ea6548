/**
 * `npm run eval:memory [-- --set realtalk|zh|slice|all] [--limit-conversations N] [--clients N] [--no-latency]`:
 * retrieval quality of memory search, measured through the public REST API of a real
 * `next start` (bench/lib/app-server.ts: production build, throw-away data dir, signed-in session).
 *
 * Sets (bench/eval-memory/sets.ts): REALTALK, a public long-conversation benchmark that is not
 * committed (`npm run eval:memory:fetch` first, or MEMORY_EVAL_REALTALK=<dir>); "zh", the team
 * notes written for this project (Chinese and English); "slice", the hand-written dialogue the
 * CI floor test also uses. Every turn or note is created with POST /api/v1/memories; every
 * question is asked with POST /api/v1/memories/search in hybrid, keyword and vector mode, and
 * scored beside plain BM25 and "the 10 most recent turns" computed here over the same turns
 * (bench/eval-memory/run-set.ts). Prints one table per set, the verdict against the goal (hybrid
 * R@10 ≥ BM25 R@10 + 0.05 overall, ≥ BM25 in every category), and search p95 over HTTP at 10
 * clients with the server's CPU per search. Writes bench/results/memory-eval-latest.json.
 * Exits non-zero only on an error, never on a missed goal.
 */
import { prepareApp, runWithApps, signIn, startApp } from "./lib/app-server";
import { createContext } from "./lib/context";
import { writeResults } from "./lib/report";
import { measureSearchLatency, type SearchLatency } from "./eval-memory/latency";
import { httpMemoryApi } from "./eval-memory/memory-api";
import { conversationTable, markdownTable, verdict } from "./eval-memory/report";
import { evaluateSet, loadSet, type SetResult } from "./eval-memory/run-set";
import { limitToConversation } from "./eval-memory/scope";
import { loadSets, type SetId, setIds } from "./eval-memory/sets";

type Options = { sets: SetId[]; limitConversations?: number; clients: number; latency: boolean };

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i < 0 ? undefined : argv[i + 1];
  };
  const positive = (name: string) => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`eval: ${name} needs a positive whole number, got "${raw}"`);
    return n;
  };
  const setArg = value("--set") ?? "all";
  const sets = setArg === "all" ? [...setIds] : (setArg.split(",") as SetId[]);
  const unknown = sets.filter((s) => !setIds.includes(s));
  if (unknown.length) throw new Error(`eval: unknown --set ${unknown.join(", ")}; use ${setIds.join(", ")} or all`);
  return {
    sets,
    limitConversations: positive("--limit-conversations"),
    clients: positive("--clients") ?? 10,
    latency: !argv.includes("--no-latency"),
  };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function latencyLine(l: SearchLatency): string {
  const cpu = l.serverCpuMsPerSearch === null ? "n/a" : `${l.serverCpuMsPerSearch} ms`;
  return [
    `search over HTTP (hybrid, k 10), ${l.clients} clients, ${l.requests} distinct questions, uncached:`,
    `p50 ${l.p50Ms} ms, **p95 ${l.p95Ms} ms**, p99 ${l.p99Ms} ms, ${l.reqPerSec} req/s; server CPU ${cpu} per search;`,
    `baseline GET /api/health p95 ${l.baselineHealth.p95Ms} ms (search p95 = ${(l.p95Ms / Math.max(0.1, l.baselineHealth.p95Ms)).toFixed(1)}× health);`,
    `load average ${l.loadAverageBefore.join(" ")} -> ${l.loadAverageAfter.join(" ")}`,
  ].join(" ");
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const root = process.cwd();
  const ctx = createContext(root);
  const sets = loadSets(options.sets, { root, limitConversations: options.limitConversations }); // before the build: fail fast on missing data
  const app = await startApp(await prepareApp(root));
  const session = await signIn(app.baseUrl);
  const api = httpMemoryApi(app.baseUrl, session.sessionCookie);

  const loaded = [];
  for (const set of sets) {
    const t0 = performance.now();
    loaded.push(await loadSet(api, set));
    console.log(`eval: ${set.id}: created ${set.conversations.reduce((n, c) => n + c.turns.length, 0)} memories in ${seconds(t0)}`);
  }
  const results: { result: SetResult; latency?: SearchLatency }[] = [];
  for (const [i, set] of sets.entries()) {
    const t0 = performance.now();
    const result = await evaluateSet(api, set, loaded[i]);
    console.log(`eval: ${set.id}: ${result.questions.length} questions × 3 searches in ${seconds(t0)}`);
    results.push({ result });
  }
  if (options.latency) {
    for (const entry of results) {
      const searches = entry.result.questions.map((q) => limitToConversation({ query: q.query, k: 10, mode: "hybrid" }, q.conversation));
      entry.latency = await measureSearchLatency(app, api, session.sessionCookie, searches, options.clients);
    }
  }
  await app.stop();

  const out: Record<string, unknown> = {};
  for (const { result, latency } of results) {
    const v = verdict(result);
    console.log(`\n## ${result.title}\n\n${markdownTable(result)}\n\n${v.line}`);
    if (latency) console.log(latencyLine(latency));
    const perConversation = conversationTable(result);
    if (perConversation) console.log(`\n${perConversation}\n`);
    for (const note of result.notes) console.log(`note: ${note}`);
    if (result.foreignHits > 0) console.log(`WARNING: ${result.foreignHits} search hits came from outside the conversation searched`);
    out[result.id] = { ...result, verdict: v, latency };
  }
  console.log(`\nresults: ${writeResults(ctx, "memory-eval", { options, sets: out })}`);
  return 0;
}

runWithApps("eval", main);
