/**
 * The two REST calls the eval makes, behind one small interface so the same eval runs against
 * a real `next start` over HTTP (here) or the route handlers in-process (the CI floor test):
 * POST /api/v1/memories (answers { memory: { id } }, 201) and POST /api/v1/memories/search
 * (answers { hits: [{ memory: { id }, score }] }, 200, best first).
 */
import type { CreateBody, SearchBody } from "./scope";

export type MemoryApi = {
  /** Creates one memory; resolves to its id. */
  create(body: CreateBody): Promise<string>;
  /** Searches; resolves to the ids of the hits, best first. */
  search(body: SearchBody): Promise<string[]>;
};

type Answer = { status: number; json: unknown; text: string };

/** Checks a create or search answer and takes the ids out of it. */
export function memoryIdFrom(answer: Answer): string {
  const id = (answer.json as { memory?: { id?: unknown } } | undefined)?.memory?.id;
  if (answer.status !== 201 || typeof id !== "string")
    throw new Error(`eval: POST /api/v1/memories answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return id;
}

export function hitIdsFrom(answer: Answer): string[] {
  const hits = (answer.json as { hits?: { memory?: { id?: unknown } }[] } | undefined)?.hits;
  if (answer.status !== 200 || !Array.isArray(hits)) {
    throw new Error(`eval: POST /api/v1/memories/search answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  }
  return hits.map((h) => String(h.memory?.id));
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<Answer> {
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/** Over HTTP with a signed-in session's cookie. */
export function httpMemoryApi(baseUrl: string, sessionCookie: string): MemoryApi {
  const headers = { cookie: sessionCookie, "content-type": "application/json" };
  return {
    create: async (body) => memoryIdFrom(await post(`${baseUrl}/api/v1/memories`, headers, body)),
    search: async (body) => hitIdsFrom(await post(`${baseUrl}/api/v1/memories/search`, headers, body)),
  };
}

/** Runs `fn` over `items` with at most `limit` calls in flight, in order of start. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
