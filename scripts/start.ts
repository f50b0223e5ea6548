/**
 * `npm start`: build when the sources changed since the last build, apply migrations,
 * generate local secrets, then serve with `next start` on PORT (default 3000).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";
import { prepareData } from "./prepare-data";

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

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
