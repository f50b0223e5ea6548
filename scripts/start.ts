/**
 * `npm start`: build when the sources changed since the last build, apply migrations,
 * generate local secrets, then serve with `next start` on PORT (default 3000).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { prepareData } from "./prepare-data";

const sourceRoots = ["app", "components", "lib", "db", "messages", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];
const stampFile = path.join(".next", "redmatrix-source-hash");
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const child of fs.readdirSync(p).sort()) visit(path.join(p, child));
    else hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
  };
  sourceRoots.forEach(visit);
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const current = sourceHash();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === current;
  if (built) return console.log("build: up to date");
  console.log("build: sources changed, running next build …");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, current);
}

async function main() {
  const env = getEnv();
  buildIfNeeded();
  await prepareData();
  console.log(`serving on ${env.appUrl}`);
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(env.port)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
