/**
 * A stand-in for an internal service an attacker would like to reach through us (a metadata
 * endpoint, an admin port): it counts every TCP connection it accepts (so a test can assert a
 * refusal happened before any connection) and answers a secret, as a status and body of the
 * test's choosing. `redirectTo` makes it answer 302 to that location instead.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type InternalService = {
  url: string;
  port: number;
  secret: string;
  connections(): number;
  requests(): number;
  /** What to answer next (default 200 with the secret as text). */
  answer(next: { status?: number; body?: string; contentType?: string; redirectTo?: string }): void;
  close(): Promise<void>;
};

export async function startInternalService(secret = `internal-secret-${Math.random().toString(36).slice(2)}`): Promise<InternalService> {
  let connections = 0;
  let requests = 0;
  let next: { status?: number; body?: string; contentType?: string; redirectTo?: string } = {};
  const server = http.createServer((req, res) => {
    requests++;
    req.resume();
    req.on("end", () => {
      if (next.redirectTo) {
        res.writeHead(302, { location: next.redirectTo }).end(secret);
        return;
      }
      res.writeHead(next.status ?? 200, { "content-type": next.contentType ?? "text/plain" }).end(next.body ?? secret);
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    secret,
    connections: () => connections,
    requests: () => requests,
    answer: (value) => {
      next = value;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
