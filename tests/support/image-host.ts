/**
 * A tiny HTTP host for test images (what a CDN or our signed media URLs are to the bridge):
 * serves a real PNG at any `/<name>.png`, 404 elsewhere, and records each request's cookie.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** A 1x1 PNG: real magic bytes, so the bridge's image check passes. */
export const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

export async function startImageHost() {
  const requests: { path: string; cookie: string | null }[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    requests.push({ path, cookie: req.headers.cookie ?? null });
    if (!path.endsWith(".png")) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "image/png" }).end(tinyPng);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: (name: string) => `${base}/${name}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
