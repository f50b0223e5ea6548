/**
 * A small Upstash Redis REST bridge in front of a real Redis, for tests only.
 *
 * Why: the production cache driver talks to Upstash over HTTP, and we want its tests to hit a
 * real Redis instead of a mock. This speaks just enough of the protocol for @upstash/redis and
 * @upstash/ratelimit: `POST /` (one command), `POST /pipeline`, `POST /multi-exec`, Bearer
 * auth, and `Upstash-Encoding: base64` (every string in a result base64-encoded, or the client
 * corrupts values such as "42"). Redis 7.0 rejects the `#!lua flags=allow-key-locking` line that
 * @upstash/ratelimit's scripts start with, so EVAL / SCRIPT LOAD strip it and EVALSHA of the
 * original script's sha1 is mapped to the stripped script's. Redis error text passes through
 * unchanged (clients fall back to EVAL on "NOSCRIPT"). See ../shared/docs/GOTCHAS.md.
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "redis";

type Reply = { result: unknown } | { error: string };

export interface UpstashRestServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Plain JSON shapes from a RESP2 reply; strings base64-encoded when asked. */
function toJson(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) value = value.toString("utf8");
  if (typeof value === "string") return base64 ? Buffer.from(value, "utf8").toString("base64") : value;
  if (Array.isArray(value)) return value.map((item) => toJson(item, base64));
  if (value instanceof Error) return { error: value.message };
  return value ?? null;
}

export async function startUpstashRestServer(
  /** port: listen there (a restart after an outage keeps the URL clients were given); default any free port. */
  options: { redisUrl?: string; token?: string; port?: number } = {},
): Promise<UpstashRestServer> {
  const token = options.token ?? randomBytes(16).toString("hex");
  const client = createClient({ url: options.redisUrl ?? "redis://127.0.0.1:6379", RESP: 2 });
  client.on("error", () => {}); // Reported through the commands that fail.
  await client.connect();

  // sha1 of a script as the client sent it -> sha1 of the script Redis actually knows.
  const shaMap = new Map<string, string>();

  /** Stringifies arguments and rewrites Lua scripts / hashes for Redis 7.0. */
  function rewrite(command: unknown[]): string[] {
    const args = command.map((arg) => (typeof arg === "string" ? arg : typeof arg === "object" ? JSON.stringify(arg) : String(arg)));
    const name = (args[0] ?? "").toUpperCase();
    const scriptAt = name === "EVAL" || name === "EVAL_RO" ? 1 : name === "SCRIPT" && args[1]?.toUpperCase() === "LOAD" ? 2 : -1;
    if (scriptAt > 0 && args[scriptAt]?.startsWith("#!lua")) {
      const original = args[scriptAt];
      const stripped = original.slice(original.indexOf("\n") + 1);
      shaMap.set(sha1(original), sha1(stripped));
      args[scriptAt] = stripped;
    }
    if ((name === "EVALSHA" || name === "EVALSHA_RO") && args[1]) args[1] = shaMap.get(args[1].toLowerCase()) ?? args[1];
    return args;
  }

  async function run(command: unknown[], base64: boolean): Promise<Reply> {
    if (!Array.isArray(command) || command.length === 0) return { error: "ERR a command must be a non-empty array" };
    const args = rewrite(command);
    try {
      let result: unknown = await client.sendCommand(args);
      // SCRIPT LOAD answers the hash the caller computed, so its later EVALSHA is mapped.
      if (args[0].toUpperCase() === "SCRIPT" && args[1]?.toUpperCase() === "LOAD" && typeof command[2] === "string") {
        result = sha1(command[2]);
      }
      return { result: toJson(result, base64) };
    } catch (error) {
      return { error: errorText(error) };
    }
  }

  async function transaction(commands: unknown[][], base64: boolean): Promise<Reply[] | { error: string }> {
    const multi = client.multi();
    for (const command of commands) multi.addCommand(rewrite(command));
    let replies: unknown[];
    try {
      replies = await multi.exec();
    } catch (error) {
      // Runtime errors inside EXEC: node-redis throws, keeping every reply on `.replies`.
      const partial = (error as { replies?: unknown[] }).replies;
      if (!Array.isArray(partial)) return { error: errorText(error) }; // e.g. EXECABORT
      replies = partial;
    }
    return replies.map((reply) => (reply instanceof Error ? { error: reply.message } : { result: toJson(reply, base64) }));
  }

  async function handle(req: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
    if (req.headers.authorization !== `Bearer ${token}`) return { status: 401, body: { error: "Unauthorized" } };
    if (req.method !== "POST") return { status: 405, body: { error: "Only POST is supported" } };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return { status: 400, body: { error: "ERR failed to parse the request body as JSON" } };
    }
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const path = (req.url ?? "/").split("?")[0].replace(/\/+$/, "");
    if (path === "") {
      const reply = await run(payload as unknown[], base64);
      return { status: "error" in reply ? 400 : 200, body: reply };
    }
    if (!Array.isArray(payload) || !payload.every(Array.isArray)) {
      return { status: 400, body: { error: "ERR the body must be an array of commands" } };
    }
    if (path === "/pipeline") return { status: 200, body: await Promise.all(payload.map((c) => run(c, base64))) };
    if (path === "/multi-exec") {
      const replies = await transaction(payload, base64);
      return { status: Array.isArray(replies) ? 200 : 400, body: replies };
    }
    return { status: 404, body: { error: `Unknown path ${path}` } };
  }

  const server = http.createServer((req, res) => {
    handle(req)
      .catch((error: unknown) => ({ status: 500, body: { error: errorText(error) } }))
      .then(({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.close();
    },
  };
}
