/**
 * `npm run eval:memory:fetch [-- --from-git <dir>] [-- --out <dir>]`: puts the ten REALTALK
 * conversation files (bench/data/realtalk.ts, pinned commit) into .data/eval/realtalk/ (git-ignored:
 * the data has no licence and stays out of the repository). By default it downloads them from
 * raw.githubusercontent.com; with --from-git it reads them from a local clone or mirror of
 * danny911kr/REALTALK instead (`git show <commit>:data/<file>`), for machines without GitHub.
 * Every file is checked against its pinned sha256 before it is written.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defaultRealtalkDir, realtalkCommit, realtalkFiles, realtalkRepo } from "../data/realtalk";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (!value || value.startsWith("--")) throw new Error(`${name} needs a value`);
  return value;
}

async function download(file: string): Promise<Buffer> {
  const url = `https://raw.githubusercontent.com/${realtalkRepo}/${realtalkCommit}/data/${file}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

function fromGit(dir: string, file: string): Buffer {
  return execFileSync("git", ["-C", dir, "show", `${realtalkCommit}:data/${file}`], { maxBuffer: 64 * 1024 * 1024 });
}

async function main(): Promise<void> {
  const gitDir = flag("--from-git");
  const out = path.resolve(flag("--out") ?? defaultRealtalkDir(process.cwd()));
  fs.mkdirSync(out, { recursive: true });
  const source = gitDir ? `the git repository at ${gitDir}` : `github.com/${realtalkRepo}`;
  console.log(`eval: REALTALK @ ${realtalkCommit.slice(0, 7)} from ${source} into ${out}`);
  for (const [file, sha256] of Object.entries(realtalkFiles)) {
    const bytes = gitDir ? fromGit(gitDir, file) : await download(file);
    const actual = createHash("sha256").update(bytes).digest("hex");
    if (actual !== sha256) throw new Error(`${file}: sha256 ${actual}, expected ${sha256} (not the pinned commit's file)`);
    const target = path.join(out, file);
    fs.writeFileSync(`${target}.part`, bytes);
    fs.renameSync(`${target}.part`, target);
    console.log(`  ${file} (${(bytes.length / 1024).toFixed(0)} KiB, sha256 ok)`);
  }
  console.log(`eval: done; run npm run eval:memory`);
}

main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  const message = `${error instanceof Error ? error.message : String(error)}${cause}`;
  console.error(`eval: fetching REALTALK failed: ${message}`);
  if (!flag("--from-git"))
    console.error("  Offline? Copy from a local clone instead: npm run eval:memory:fetch -- --from-git <REALTALK clone>");
  process.exit(1);
});
