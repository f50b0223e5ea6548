/**
 * Foundation HTTP suite: throughput and latency of the production server for a static file
 * (baseline), health, credentials sign-in, the authenticated dashboard page and /api/v1/me.
 * Writes bench/results/foundation-<timestamp>.json and foundation-latest.json.
 */
import fs from "node:fs";
import path from "node:path";
import type autocannon from "autocannon";
import { prepareApp, signIn, signInSucceeded, startApp } from "../lib/app-server";
import type { BenchContext } from "../lib/context";
import { measure, type EndpointResult, type EndpointSpec } from "../lib/measure";
import { endpointTable, writeResults } from "../lib/report";

export const name = "foundation-http";

function header(headers: autocannon.Headers, key: string): string[] {
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === key);
  if (!found) return [];
  return Array.isArray(found[1]) ? found[1] : [found[1]];
}

export async function run(ctx: BenchContext): Promise<void> {
  const notes: string[] = [];
  if (!fs.existsSync(path.join(ctx.root, "public", "robots.txt"))) {
    notes.push("public/robots.txt does not exist: the baseline row measures Next's 404 answer, not a static file");
  }

  const prepared = await prepareApp(ctx.root);
  const app = await startApp(prepared);
  try {
    const session = await signIn(app.baseUrl);
    const authed = { cookie: session.sessionCookie };
    const { settings } = ctx;
    notes.push(
      `sign-in verifies an argon2id hash (slow by design), so it runs with ${settings.signInConnections} connections instead of ${settings.connections}`,
      "sign-in success is a 302 with the session cookie: 3xx counts as success there and every response is checked (failed checks)",
      "latency percentiles are exact nearest-rank values over every measured response",
    );

    const specs: EndpointSpec[] = [
      { name: "baseline", path: "/robots.txt", note: "static file from public/, no app code" },
      { name: "health", path: "/api/health" },
      {
        name: "sign-in",
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.csrfCookie },
        body: session.signInBody,
        connections: settings.signInConnections,
        acceptRedirects: true,
        check: (status, headers) => signInSucceeded(status, header(headers, "location")[0], header(headers, "set-cookie")),
        note: "argon2id credentials sign-in (csrf token + cookie reused)",
      },
      { name: "dashboard page", path: `/${prepared.slug}/dashboard`, headers: authed, note: "authenticated server-rendered page" },
      { name: "api me", path: "/api/v1/me", headers: authed },
    ];

    // Pre-flight: one request each, so a broken endpoint is visible before minutes of load.
    for (const spec of specs) {
      const res = await fetch(`${app.baseUrl}${spec.path}`, {
        method: spec.method ?? "GET",
        headers: spec.headers,
        body: spec.body,
        redirect: "manual",
      });
      await res.arrayBuffer();
      const ok = res.status < 300 || (spec.acceptRedirects === true && res.status < 400);
      if (!ok) notes.push(`pre-flight: ${spec.name} ${spec.method ?? "GET"} ${spec.path} answered ${res.status}`);
    }
    for (const note of notes) console.log(`bench: note: ${note}`);

    const results: EndpointResult[] = [];
    for (const spec of specs) results.push(await measure(app.baseUrl, spec, settings));

    console.log(
      `\nfoundation-http — ${ctx.machine.cpus} CPUs, ${ctx.machine.totalMemMiB} MiB, node ${ctx.machine.node}, ` +
        `${settings.durationSec}s per endpoint after ${settings.warmupSec}s warm-up\n`,
    );
    console.log(endpointTable(results, "baseline"));
    const file = writeResults(ctx, "foundation", {
      suite: name,
      baseUrl: app.baseUrl,
      workspaceSlug: prepared.slug,
      notes,
      endpoints: results,
    });
    console.log(`\nbench: wrote ${path.relative(ctx.root, file)} (and foundation-latest.json)`);
  } finally {
    await app.stop();
  }
}
