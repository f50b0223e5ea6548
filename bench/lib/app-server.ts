/**
 * The app under test: makes sure a production build exists, prepares a throw-away data dir
 * (migrations + first-run setup with demo data, in-process through the project's own code),
 * runs `next start` on a free port, signs in over HTTP like a browser, and stops it again.
 *
 * lib/env caches process.env on first use, so the data dir is prepared once per bench
 * process and shared by every suite; each suite starts (and stops) its own server on it.
 */
import { buildIfNeeded } from "../../scripts/build-if-needed";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

export const benchUser = {
  name: "Bench Admin",
  email: "bench@example.com",
  password: "bench-password-123",
  workspaceName: "Bench",
} as const;

export type PreparedApp = {
  root: string;
  dataDir: string;
  port: number;
  /** The variables the bench sets (also applied to this process's env). */
  env: Record<string, string>;
  /** Workspace slug created by the setup. */
  slug: string;
};

export type RunningApp = {
  baseUrl: string;
  prepared: PreparedApp;
  /** The last lines the server printed (for error messages). */
  logTail(): string;
  /** CPU time (user + system, all threads) the server process has used so far, in ms (Linux /proc; null elsewhere). */
  cpuMs(): number | null;
  stop(): Promise<void>;
};

export type Session = {
  csrfToken: string;
  /** Cookie header carrying the CSRF cookie(s) from GET /api/auth/csrf. */
  csrfCookie: string;
  /** Cookie header carrying the session token cookie(s). */
  sessionCookie: string;
  /** The urlencoded credentials form, ready to POST again. */
  signInBody: string;
};

/** Builds when the sources changed since the last build (the same rule as `npm start`). */
export function ensureBuild(root: string): void {
  buildIfNeeded(root, (line) => console.log(`bench: ${line}`));
}

function tryListen(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(null));
    server.listen(port, () => {
      const address = server.address();
      const chosen = typeof address === "object" && address ? address.port : null;
      server.close(() => resolve(chosen));
    });
  });
}

/** BENCH_PORT (default 3400) when free, else any free port the OS hands out. */
async function findFreePort(): Promise<number> {
  const preferred = Number(process.env.BENCH_PORT ?? 3400);
  const port = (await tryListen(preferred)) ?? (await tryListen(0));
  if (!port) throw new Error("bench: could not find a free port");
  return port;
}

let prepared: Promise<PreparedApp> | undefined;

/** Fresh temp data dir, env, migrations and setup. Memoized: once per process. */
export function prepareApp(root: string): Promise<PreparedApp> {
  prepared ??= doPrepare(root);
  return prepared;
}

async function doPrepare(root: string): Promise<PreparedApp> {
  ensureBuild(root);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "redmatrix-bench-"));
  const port = await findFreePort();
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, "bench.db")}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  // Before the first import of project code: lib/env reads process.env once and caches it.
  Object.assign(process.env, env);

  const { prepareData } = await import("@/scripts/prepare-data");
  await prepareData();
  const { getDb } = await import("@/lib/database");
  const { completeSetup } = await import("@/lib/setup/complete-setup");
  const db = getDb();
  try {
    const { slug } = await completeSetup(db, {
      ...benchUser,
      timezone: "Asia/Shanghai",
      locale: "zh-CN",
      loadDemo: true,
    });
    return { root, dataDir, port, env, slug };
  } finally {
    db.$client.close();
  }
}

/** Removes the temp data dir (kept when BENCH_KEEP_DATA=1). */
export async function cleanupPreparedApp(): Promise<void> {
  if (!prepared) return;
  const app = await prepared.catch(() => undefined);
  prepared = undefined;
  if (!app) return;
  if (process.env.BENCH_KEEP_DATA === "1") return console.log(`bench: data kept in ${app.dataDir}`);
  fs.rmSync(app.dataDir, { recursive: true, force: true });
}

const running = new Set<RunningApp>();

/** Stops every server this process started (used on errors and signals). */
export async function stopAllApps(): Promise<void> {
  await Promise.all([...running].map((app) => app.stop()));
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal); // the server's own process group (spawned detached)
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // after "pid (comm) "
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** `next start` on the prepared port; resolves once GET /api/health answers 200 (max 30 s). */
export async function startApp(app: PreparedApp): Promise<RunningApp> {
  const baseUrl = `http://127.0.0.1:${app.port}`;
  // BENCH_NODE_ARGS: extra flags for the server's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"; NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-p", String(app.port)], {
    cwd: app.root,
    env: { ...process.env, ...app.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  let stopping: Promise<void> | undefined;
  const handle: RunningApp = {
    baseUrl,
    prepared: app,
    logTail: () => lines.slice(-40).join("\n"),
    cpuMs: () => processCpuMs(child.pid),
    stop: () => {
      stopping ??= (async () => {
        killGroup(child, "SIGTERM");
        if (!(await waitForExit(child, 5000))) {
          killGroup(child, "SIGKILL");
          await waitForExit(child, 2000);
        }
        running.delete(handle);
      })();
      return stopping;
    },
  };
  running.add(handle);

  try {
    await waitForHealth(baseUrl, child, 30_000);
  } catch (error) {
    await handle.stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${handle.logTail()}`);
  }
  return handle;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`bench: next start exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`bench: ${baseUrl}/api/health did not answer 200 within ${ms / 1000} s`);
}

/** `name=value` pairs of Set-Cookie headers whose name passes the filter, as a Cookie header. */
function cookieHeader(setCookies: string[], keep: (name: string) => boolean): string {
  return setCookies
    .map((c) => c.split(";")[0].trim())
    .filter((pair) => keep(pair.slice(0, pair.indexOf("="))))
    .join("; ");
}

const isSessionCookie = (name: string) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name);

/** A credentials sign-in succeeded: a redirect that is not to the error page, setting the session cookie. */
export function signInSucceeded(status: number, location: string | undefined, setCookies: string[]): boolean {
  if (status < 300 || status >= 400) return false;
  if (!location || /[?&]error=/.test(location)) return false;
  return setCookies.some((c) => isSessionCookie(c.slice(0, c.indexOf("="))));
}

/** Signs in like a browser (csrf → credentials callback) and checks the session on /api/v1/me. */
export async function signIn(baseUrl: string, email: string = benchUser.email, password: string = benchUser.password): Promise<Session> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  if (csrfRes.status !== 200) throw new Error(`bench: GET /api/auth/csrf answered ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = cookieHeader(csrfRes.headers.getSetCookie(), (name) => name.includes("authjs.csrf-token"));
  if (!csrfToken || !csrfCookie) throw new Error("bench: no csrf token or csrf cookie from /api/auth/csrf");

  const signInBody = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }).toString();
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: signInBody,
    redirect: "manual",
  });
  const setCookies = res.headers.getSetCookie();
  const location = res.headers.get("location") ?? undefined;
  if (!signInSucceeded(res.status, location, setCookies)) {
    throw new Error(`bench: sign-in failed (status ${res.status}, location ${location ?? "none"})`);
  }
  const sessionCookie = cookieHeader(setCookies, isSessionCookie);

  const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie: sessionCookie } });
  if (me.status !== 200) throw new Error(`bench: GET /api/v1/me with the session answered ${me.status}`);
  return { csrfToken, csrfCookie, sessionCookie, signInBody };
}

/**
 * Runs a bench entry point: stops every app it started and removes the prepared data directory
 * when it ends, fails or is interrupted, and exits with its code (1 on an error, 130 on a signal).
 */
export function runWithApps(label: string, main: () => Promise<number>): void {
  const shutdown = async () => {
    await stopAllApps();
    await cleanupPreparedApp();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${label}: ${signal}, stopping the server …`);
      void shutdown().finally(() => process.exit(130));
    });
  }
  main()
    .then(async (code) => {
      await shutdown();
      process.exit(code);
    })
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      await shutdown();
      process.exit(1);
    });
}
