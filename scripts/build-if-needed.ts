/**
 * Builds with `next build` when the sources changed since the last build (a stamp of file
 * sizes and mtimes in .next/), so `npm start` and `npm run bench` never serve a stale build.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const sourceRoots = [
  "app",
  "components",
  "lib",
  "db",
  "messages",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function sourceHash(root: string): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const child of fs.readdirSync(p).sort()) visit(path.join(p, child));
    else hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const entry of sourceRoots) visit(path.join(root, entry));
  return hash.digest("hex");
}

export function buildIfNeeded(root = process.cwd(), log: (line: string) => void = console.log): void {
  const stamp = path.join(root, ".next", "redmatrix-source-hash");
  const current = sourceHash(root);
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === current;
  if (built) {
    log("build: up to date");
    return;
  }
  log("build: sources changed, running next build …");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  fs.writeFileSync(stamp, current);
}

// `npm run build:if-needed` (run by `npm run test:e2e` before Playwright, so the build never
// races Playwright's web-server timeout).
if (process.argv[1]?.endsWith("build-if-needed.ts")) {
  try {
    buildIfNeeded();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
