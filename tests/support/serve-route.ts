/** Serves a real Next route handler over HTTP on 127.0.0.1 (for callers that need a URL, like QStash). */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest) => Promise<Response>;

export async function serveRoutes(routes: Record<string, Handler>) {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", base);
    const handler = routes[url.pathname];
    if (!handler) return res.writeHead(404).end();
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await handler(
      new NextRequest(url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }),
    );
    // Every Set-Cookie on its own line (Object.fromEntries would keep only the last).
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), "set-cookie": response.headers.getSetCookie() });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
