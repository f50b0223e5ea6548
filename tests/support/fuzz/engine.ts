/**
 * The hostile-input run: for each target a fast-check property (fixed seed, bounded runs) whose
 * invariant is "no 5xx, and every error is the envelope with a code" (routes) or "never throws,
 * `{ ok }` with a code when not ok, never INTERNAL" (actions). After each writing target the
 * read endpoints run, so stored hostile values get read back. Every finished target and the
 * call in flight are written to files as they happen: if the process dies (a native panic
 * aborts it), the parent still knows what ran and what killed it.
 */
import fs from "node:fs";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { Writable } from "node:stream";
import * as health from "@/app/api/health/route";
import { getDb } from "@/lib/database";
import { createLogger } from "@/lib/observability/logger";
import { callRoute } from "../call-route";
import { migratedDb } from "../test-db";
import { callAction, sessionCookieFor } from "./call-action";
import { deepValue, describeValue, hostileJson, hostileString, hugeArray, longString, rawBodyText, rawQuery, toJsonText } from "./hostile";
import { hostilePayloads, onePerKind, routeExamples } from "./examples";

/** The API resource an action's page works on ("drafts/createDraftAction" -> "drafts"). */
const actionResource = (t: ActionTarget) =>
  ({ "settings/notifications": "notification-channels", settings: "members" })[t.page.slice(1)] ?? t.page.split("/")[1];
import { schemaArbitrary } from "./schema-arbitrary";
import { idsIn, importCsv, seedWorkspaces, sessionVersionOf, type Seeded } from "./seed";
import { actionTargets, routeTargets, type ActionTarget, type RouteTarget, type Target } from "./targets";

export type Failure = { target: string; check: string; status?: number; input: string; detail: string };
export type TargetResult = { type: "target"; index: number; id: string; runs: number; calls: number; failures: Failure[]; ms: number };
export type RunOptions = {
  seed: number;
  runs: number;
  hugeRuns: number;
  skip: number;
  only?: RegExp;
  eventsFile: string;
  inflightFile: string;
};

const maxFailuresKept = 20;
const evilOrigin = "https://evil.example";

/** pino lines logged during one call (the 500's cause), read back by request order. */
const logged = { count: 0, last: "" };
function captureLogs() {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged.count++;
      logged.last = String(chunk);
      done();
    },
  });
  (globalThis as { redmatrixLogger?: unknown }).redmatrixLogger = createLogger("error", sink);
}
function causeSince(mark: number): string {
  if (logged.count === mark) return "";
  const last = logged.last;
  try {
    const rec = JSON.parse(last);
    return `${rec.msg}: ${rec.err?.type ?? ""} ${rec.err?.message ?? ""} ${
      String(rec.err?.stack ?? "")
        .split("\n")[1]
        ?.trim() ?? ""
    }`.slice(0, 400);
  } catch {
    return last.slice(0, 400);
  }
}

export async function orderedTargets(): Promise<Target[]> {
  const routes = await routeTargets();
  const actions = await actionTargets();
  // Destructive calls last, so the real ids stay alive for everything else.
  const weight = (t: Target) => (t.kind === "route" ? (t.method === "DELETE" ? 2 : 0) : 1);
  return [...routes, ...actions].sort((a, b) => weight(a) - weight(b));
}

export async function runFuzz(options: RunOptions) {
  captureLogs();
  const db = await migratedDb();
  const targets = await orderedTargets();
  const routes = targets.filter((t): t is RouteTarget => t.kind === "route");
  const seeded = await seedWorkspaces(db, routes);
  const pool = { own: [...seeded.ownIds], foreign: seeded.foreignIds };
  const ids = fc.oneof(
    { weight: 4, arbitrary: fc.nat().map((i) => pool.own[i % pool.own.length]) },
    { weight: 2, arbitrary: fc.nat().map((i) => pool.foreign[i % pool.foreign.length]) },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom("x", "0", "-1", "%00", "a\u0000b", "x\ud800", "../x", "null", "acc_", "imp_xxxxxxxx") },
  );
  const cookie = await sessionCookieFor(seeded.own.userId, await sessionVersionOf(db, seeded.own.userId), process.env.AUTH_SECRET!);
  const listings = routes.filter((r) => r.method === "GET" && r.params.length === 0);
  // After each writing target: the reads that show stored user content (lists, search, stats,
  // exports). Every listing once more at the end.
  const foreignKinds = onePerKind(seeded.foreignIds);
  const readers = listings.filter((r) =>
    /^GET \/(accounts|audit\/export|competitors|competitor-reports\/csv|draft-folders|drafts|drafts\/search|memories|memories\/analytics\/\w+|notification-channels|notifications|publish-series)$/.test(
      r.id,
    ),
  );

  const inflight = (target: string, input: unknown) =>
    fs.writeFileSync(options.inflightFile, JSON.stringify({ target, input: describeValue(input, 2_000) }));
  const emit = (event: object) => fs.appendFileSync(options.eventsFile, `${JSON.stringify(event)}\n`);

  if (options.skip === 0)
    emit({ type: "targets", ids: targets.map((t) => t.id), routes: routes.length, actions: targets.length - routes.length });
  for (const [index, target] of targets.entries()) {
    if (index < options.skip || (options.only && !options.only.test(target.id))) continue;
    const started = performance.now();
    const failures: Failure[] = [];
    let calls = 0;
    let wrote = false;
    const fail = (f: Failure) => failures.length < maxFailuresKept && failures.push(f);
    const record = async (check: () => Promise<void>) => {
      calls++;
      await check();
    };

    if (target.kind === "route") {
      const callOnce = async (input: RouteInput, label = target.id) => {
        inflight(label, input);
        const mark = logged.count;
        try {
          const url = `/api/v1${target.path}${input.rawQuery ? `?${input.rawQuery}` : ""}`;
          const headers: Record<string, string> = input.contentType ? { "content-type": input.contentType } : {};
          const res = await callRoute(target.handler, url, {
            method: target.method,
            token: seeded.own.token,
            params: input.params,
            rawBody: input.body,
            headers,
          });
          const problem = routeProblem(res);
          if (problem)
            fail({
              target: label,
              check: problem,
              status: res.status,
              input: describeValue(input),
              detail: causeSince(mark) || res.text.slice(0, 300),
            });
          if (res.status < 300 && target.method !== "GET") wrote = true;
          if (res.status < 300 && target.method === "POST") pool.own.push(...idsIn(res.json).slice(0, 5));
        } catch (error) {
          fail({
            target: label,
            check: "handler threw",
            input: describeValue(input),
            detail: String((error as Error)?.stack ?? error).slice(0, 400),
          });
        }
      };
      const arbitrary = routeInput(target, ids, false);
      const examples = routeExamples(target, seeded.ownByResource, seeded.ownIds[0], foreignKinds, importCsv).map(
        (e) => [e] as [RouteInput],
      );
      // Examples count against numRuns: add them, so the random runs stay `runs`.
      await fc.check(
        fc.asyncProperty(arbitrary, (input) => record(() => callOnce(input))),
        { seed: options.seed + index, numRuns: options.runs + examples.length, examples },
      );
      if (options.hugeRuns > 0) {
        await fc.check(
          fc.asyncProperty(routeInput(target, ids, true), (input) => record(() => callOnce(input))),
          { seed: options.seed + index, numRuns: options.hugeRuns },
        );
      }
      if (wrote) for (const reader of readers) await record(() => readBack(reader, seeded, fail, target.id, inflight));
    } else {
      const callOnce = async (input: ActionInput, headers: Record<string, string>, check: "action" | "origin") => {
        inflight(`${target.id}${check === "origin" ? " (foreign Origin)" : ""}`, input);
        const mark = logged.count;
        try {
          const result = await callAction(`/${input.slug}${target.page}`, headers, () => target.fn(input.slug, input.payload));
          const problem = check === "origin" ? originProblem(result) : actionProblem(result);
          if (problem)
            fail({
              target: check === "origin" ? `${target.id} (foreign Origin)` : target.id,
              check: problem,
              input: describeValue(input),
              detail: causeSince(mark) || describeValue(result),
            });
          if (isOk(result)) wrote = true;
          if (check === "action" && isOk(result)) pool.own.push(...idsIn(result).slice(0, 5));
        } catch (error) {
          fail({
            target: target.id,
            check: "action threw",
            input: describeValue(input),
            detail: String((error as Error)?.stack ?? error).slice(0, 400),
          });
        }
      };
      const arbitrary = actionInput(target, ids, seeded, false);
      const ownId = seeded.ownByResource[actionResource(target)] ?? seeded.ownIds[0];
      const payloads = [...(target.input ? hostilePayloads(target.input, ownId) : []), ...foreignKinds.map((id) => ({ id }))];
      const examples = payloads.map((payload) => [{ slug: seeded.own.slug, payload }] as [ActionInput]);
      await fc.check(
        fc.asyncProperty(arbitrary, (input) => record(() => callOnce(input, { cookie }, "action"))),
        { seed: options.seed + index, numRuns: options.runs + examples.length, examples },
      );
      if (options.hugeRuns > 0) {
        await fc.check(
          fc.asyncProperty(actionInput(target, ids, seeded, true), (input) => record(() => callOnce(input, { cookie }, "action"))),
          { seed: options.seed + index, numRuns: options.hugeRuns },
        );
      }
      // The same calls from another site's page must be refused (CSRF): never ok.
      const originRuns = Math.max(1, Math.ceil(options.runs / 4));
      await fc.check(
        fc.asyncProperty(actionInput(target, ids, seeded, false, true), (input) =>
          record(() => callOnce(input, { cookie, origin: evilOrigin }, "origin")),
        ),
        { seed: options.seed + index, numRuns: originRuns },
      );
      if (wrote) for (const reader of readers) await record(() => readBack(reader, seeded, fail, target.id, inflight));
    }
    emit({
      type: "target",
      index,
      id: target.id,
      runs: options.runs,
      calls,
      failures,
      ms: Math.round(performance.now() - started),
    } satisfies TargetResult);
  }

  const finalFailures: Failure[] = [];
  for (const reader of listings) await readBack(reader, seeded, (f) => finalFailures.push(f), "the whole run", inflight);
  emit({
    type: "target",
    index: targets.length,
    id: "read back every listing",
    runs: 1,
    calls: listings.length,
    failures: finalFailures,
    ms: 0,
  } satisfies TargetResult);

  // Still alive: the liveness route answers and the database still reads.
  inflight("GET /api/health", {});
  const live = await health.GET();
  const [{ n }] = await getDb().all<{ n: number }>(sql`SELECT count(*) AS n FROM drafts`);
  emit({ type: "end", health: live.status, drafts: n, targets: targets.length });
}

type RouteInput = { params: Record<string, string>; rawQuery?: string; body?: string; contentType?: string };
type ActionInput = { slug: string; payload: unknown };
type Body = { text: string | undefined; type?: string };

function routeInput(target: RouteTarget, ids: fc.Arbitrary<string>, huge: boolean): fc.Arbitrary<RouteInput> {
  const params = fc.record(Object.fromEntries(target.params.map((p) => [p, ids]))) as fc.Arbitrary<Record<string, string>>;
  const queryArb: fc.Arbitrary<string | undefined> = fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: target.query ? schemaArbitrary(target.query, { ids, wrongTypes: false }).map(toQueryString) : fc.constant(undefined),
    },
    {
      weight: 2,
      arbitrary: rawQuery(
        target.queryKeys.length ? target.queryKeys : ["q", "limit", "cursor", "fileName", "runId", "from", "to", "accountId"],
      ),
    },
  );
  // A GET cannot carry a body (fetch refuses to build one); its hostility is in the query and ids.
  const bodyArb: fc.Arbitrary<Body> =
    target.method === "GET" ? fc.constant({ text: undefined }) : huge ? hugeBody(target) : normalBody(target, ids);
  return fc
    .record({ params, rawQuery: queryArb, body: bodyArb })
    .map(({ body, ...r }) => ({ ...r, body: body.text, contentType: body.type }));
}

function normalBody(target: RouteTarget, ids: fc.Arbitrary<string>): fc.Arbitrary<Body> {
  const json = (arb: fc.Arbitrary<unknown>) => arb.map((v) => ({ text: toJsonText(v), type: "application/json" }));
  const parts: fc.WeightedArbitrary<Body>[] = [
    { weight: 2, arbitrary: json(hostileJson) },
    { weight: 1, arbitrary: rawBodyText.map((text) => ({ text, type: "application/json" })) },
    { weight: 1, arbitrary: json(deepValue) },
  ];
  if (target.body) {
    parts.push({ weight: 6, arbitrary: json(schemaArbitrary(target.body, { ids, wrongTypes: false })) });
    parts.push({ weight: 2, arbitrary: json(schemaArbitrary(target.body, { ids, wrongTypes: true })) });
  }
  if (target.method === "POST" && !target.body) {
    // Uploads: a real export file (so the import gets far), or hostile text under other types.
    parts.push({ weight: 2, arbitrary: fc.constant({ text: importCsv, type: "text/csv" }) });
    parts.push({
      weight: 1,
      arbitrary: fc
        .tuple(hostileString, fc.constantFrom("text/csv", "application/json", "multipart/form-data; boundary=x", "text/plain"))
        .map(([text, type]) => ({ text, type })),
    });
  }
  if (target.method === "DELETE") return fc.oneof({ weight: 6, arbitrary: fc.constant({ text: undefined }) }, ...parts);
  return fc.oneof(...parts);
}

/** The expensive inputs (1 MB strings, 10k-item arrays, 10k-deep nesting), capped by hugeRuns. */
function hugeBody(target: RouteTarget): fc.Arbitrary<Body> {
  const props = Object.entries((target.body?.properties ?? {}) as Record<string, { type?: string }>);
  const stringKey = props.find(([, s]) => s.type === "string")?.[0] ?? "name";
  const arrayKey = props.find(([, s]) => s.type === "array")?.[0] ?? "items";
  return fc.oneof(
    longString.map((s) => ({ text: toJsonText({ [stringKey]: s }), type: "application/json" })),
    longString.map((s) => ({ text: toJsonText(s), type: "application/json" })),
    hugeArray.map((a) => ({ text: toJsonText({ [arrayKey]: a }), type: "application/json" })),
    fc.constantFrom(10_000, 50_000).map((d) => ({ text: `${"[".repeat(d)}${"]".repeat(d)}`, type: "application/json" })),
    fc.constantFrom(10_000, 50_000).map((d) => ({ text: `${'{"a":'.repeat(d)}1${"}".repeat(d)}`, type: "application/json" })),
  );
}

function toQueryString(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) =>
        `${k}=${encodeLoose(Array.isArray(v) ? v.map(String).join(",") : v !== null && typeof v === "object" ? toJsonText(v) : String(v))}`,
    )
    .join("&");
}

/** encodeURIComponent that sends a lone surrogate as its (invalid) UTF-8 bytes instead of throwing. */
function encodeLoose(s: string): string {
  return s.replace(/[\ud800-\udfff]|[^\ud800-\udfff]+/g, (part) =>
    /^[\ud800-\udfff]$/.test(part) ? "%ED%A0%80" : encodeURIComponent(part),
  );
}

function actionInput(
  target: ActionTarget,
  ids: fc.Arbitrary<string>,
  seeded: Seeded,
  huge: boolean,
  sameWorkspace = false,
): fc.Arbitrary<ActionInput> {
  const slug: fc.Arbitrary<string> = sameWorkspace
    ? fc.constant(seeded.own.slug)
    : fc.oneof(
        { weight: 8, arbitrary: fc.constant(seeded.own.slug) },
        { weight: 1, arbitrary: fc.constant(seeded.foreign.slug) },
        { weight: 1, arbitrary: hostileString },
      );
  const idObject = fc.record({ id: ids }, { requiredKeys: [] });
  const generic: fc.Arbitrary<unknown> = fc.oneof(
    hostileJson,
    idObject,
    fc.record({ id: ids, tokenId: ids, jobId: ids, scheduledAt: hostileString, reason: hostileString }, { requiredKeys: [] }),
    deepValue,
  );
  const payload: fc.Arbitrary<unknown> = huge
    ? fc.oneof(
        longString.map((s) => ({ content: s, name: s, title: s, csv: s })),
        hugeArray.map((a) => ({ accountIds: a, tags: a, ids: a })),
        deepValue,
      )
    : target.input
      ? fc.oneof(
          { weight: 6, arbitrary: schemaArbitrary(target.input, { ids, wrongTypes: false }) },
          { weight: 2, arbitrary: schemaArbitrary(target.input, { ids, wrongTypes: true }) },
          { weight: 2, arbitrary: generic },
        )
      : generic;
  return fc.record({ slug, payload });
}

async function readBack(
  reader: RouteTarget,
  seeded: Seeded,
  fail: (f: Failure) => void,
  after: string,
  inflight: (t: string, i: unknown) => void,
) {
  const label = `${reader.id} (read back after ${after})`;
  inflight(label, {});
  const mark = logged.count;
  try {
    const res = await callRoute(reader.handler, `/api/v1${reader.path}`, {
      token: seeded.own.token,
      search: reader.path === "/drafts/search" ? { q: "a" } : {},
    });
    const problem = routeProblem(res);
    if (problem)
      fail({
        target: after,
        check: `read back ${reader.id}: ${problem}`,
        status: res.status,
        input: "(stored values)",
        detail: causeSince(mark) || res.text.slice(0, 300),
      });
  } catch (error) {
    fail({ target: after, check: `read back ${reader.id}: handler threw`, input: "(stored values)", detail: String(error).slice(0, 400) });
  }
}

export function routeProblem(res: { status: number; json: any; text: string }): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  if (res.status >= 400 && typeof res.json?.error?.code !== "string") return `status ${res.status} without an error code`;
  return null;
}

const isOk = (r: unknown) => Boolean(r && typeof r === "object" && (r as { ok?: unknown }).ok === true);

export function actionProblem(result: unknown): string | null {
  if (result === undefined) return null; // actions that answer nothing (e.g. mark notifications read)
  if (!result || typeof result !== "object" || typeof (result as { ok?: unknown }).ok !== "boolean") return "result is not { ok }";
  const r = result as { ok: boolean; code?: unknown; message?: unknown };
  if (r.ok) return null;
  if (typeof r.code !== "string" || typeof r.message !== "string") return "failure without a code and message";
  if (r.code === "INTERNAL") return "code INTERNAL (an unhandled error)";
  return null;
}

export function originProblem(result: unknown): string | null {
  return isOk(result) ? "accepted a call from a foreign Origin" : null;
}
