/**
 * A local stand-in for an OpenAI-compatible API, for tests and e2e. It speaks the real protocol:
 * `POST /v1/embeddings` with `{ model, input: string[] }` answers `{ object: "list", data: [{
 * object: "embedding", index, embedding }], model, usage }`; `POST /v1/chat/completions` answers a
 * `chat.completion` whose message is made by `summarize` (default: a fixed-format summary of the
 * last user message). Checks `Authorization: Bearer <apiKey>` (401 with an OpenAI error body).
 * Vectors are deterministic bags of characters (each non-space character adds ±1 at a hashed
 * slot; L2-normalised): the same text always gets the same vector and similar texts similar
 * ones, so tests can compute what to expect. Like a real model, each model name has one
 * dimension (`dims`, default 8); `dimensions` in the request is ignored. Can be told to fail (HTTP status), hang (timeout), or answer
 * vectors of the wrong dimension.
 *
 * Shapes follow OpenAI's API reference (platform.openai.com/docs/api-reference: "Embeddings /
 * Create embeddings", "Chat / Create chat completion", and "Error codes": 401 with
 * `{ error: { message, type, param, code } }`), which DeepSeek, DashScope compatible mode,
 * Moonshot, Zhipu and Ollama's `/v1` implement too.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeOpenAiMode =
  | { kind: "ok" }
  | { kind: "status"; status: number }
  | { kind: "hang" }
  | { kind: "wrong-dimension"; dim: number };

export interface FakeOpenAiServer {
  /** Base URL including /v1, as a user would paste it. */
  url: string;
  embeddingRequests: { model: string; input: string[]; authorization: string | undefined }[];
  chatRequests: { model: string; messages: { role: string; content: string }[] }[];
  setMode(mode: FakeOpenAiMode): void;
  /** Fail only the next n requests with this status, then behave normally. */
  failNext(n: number, status?: number): void;
  close(): Promise<void>;
}

/** What the stand-in answers for `text` at `dim`: exported so tests compute expectations. */
export function fakeEmbedding(text: string, dim: number): number[] {
  const v = new Array<number>(dim).fill(0);
  for (const c of text.replace(/\s+/g, "")) {
    const digest = createHash("sha256").update(c).digest();
    v[digest.readUInt32LE(0) % dim] += digest[4] & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...v);
  if (norm === 0) return v.map((_, i) => (i === 0 ? 1 : 0));
  return v.map((x) => x / norm);
}

export async function startFakeOpenAiServer(
  options: { apiKey?: string; dims?: Record<string, number>; summarize?: (text: string) => string } = {},
): Promise<FakeOpenAiServer> {
  const embeddingRequests: FakeOpenAiServer["embeddingRequests"] = [];
  const chatRequests: FakeOpenAiServer["chatRequests"] = [];
  let mode: FakeOpenAiMode = { kind: "ok" };
  let failing = 0;
  let failingStatus = 500;
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, message: string, type: string) => answer(status, { error: { message, type, param: null, code: null } });
    if (mode.kind === "hang") return; // never answers: the client's timeout must fire
    if (failing > 0) {
      failing--;
      return error(failingStatus, "The server had an error while processing your request.", "server_error");
    }
    if (mode.kind === "status") return error(mode.status, `forced ${mode.status}`, "server_error");
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`)
      return error(401, "Incorrect API key provided.", "invalid_request_error");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    } catch {
      return error(400, "We could not parse the JSON body of your request.", "invalid_request_error");
    }
    const path = new URL(req.url ?? "/", "http://openai.local").pathname;
    if (req.method === "POST" && path === "/v1/embeddings") {
      const input = typeof body.input === "string" ? [body.input] : (body.input as string[]);
      if (!Array.isArray(input) || typeof body.model !== "string")
        return error(400, "'input' and 'model' are required", "invalid_request_error");
      embeddingRequests.push({ model: body.model, input, authorization: req.headers.authorization });
      const dim = mode.kind === "wrong-dimension" ? mode.dim : (options.dims?.[body.model] ?? 8);
      return answer(200, {
        object: "list",
        data: input.map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text, dim) })),
        model: body.model,
        usage: { prompt_tokens: input.join("").length, total_tokens: input.join("").length },
      });
    }
    if (req.method === "POST" && path === "/v1/chat/completions") {
      const messages = body.messages as { role: string; content: string }[];
      if (!Array.isArray(messages) || typeof body.model !== "string")
        return error(400, "'messages' and 'model' are required", "invalid_request_error");
      chatRequests.push({ model: body.model, messages });
      const last = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
      const content = (options.summarize ?? ((t: string) => `摘要：${t.split("\n").filter(Boolean).length} 条记忆的共同结论`))(last);
      return answer(200, {
        id: `chatcmpl-${chatRequests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: last.length, completion_tokens: content.length, total_tokens: last.length + content.length },
      });
    }
    error(404, `Unknown request URL: ${req.method} ${path}`, "invalid_request_error");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    embeddingRequests,
    chatRequests,
    setMode: (m) => {
      mode = m;
    },
    failNext: (n, status = 500) => {
      failing = n;
      failingStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
