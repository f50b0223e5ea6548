/**
 * The TCP peer's address, for route handlers and server actions, which only see headers.
 *
 * What Next.js does (read in node_modules/next/dist/server/base-server.js, Next 16.4.6,
 * `handleRequestImpl`): `req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress`.
 * It only fills X-Forwarded-For when the request has none: a client-sent header reaches the
 * handler unchanged and the socket address is dropped; nothing else in `next start` (router
 * server, start-server, the action handler) appends or records it, and `NextRequest.ip` is gone
 * since Next 15. So from the headers alone a direct client can claim any address.
 *
 * What we do: instrumentation.ts calls `installPeerAddressStamp()` in the Node server process,
 * which wraps `http.Server.prototype.emit` and, on every "request" event, writes the socket's
 * remoteAddress into a header whose name carries a random per-process token (so a client cannot
 * send it, even before the hook is installed), before Next sees the request. `peerAddressOf`
 * reads it back; request-info.ts decides how much of X-Forwarded-For to trust on top (TRUST_PROXY).
 */
import { randomBytes } from "node:crypto";
import http from "node:http";

type PeerGlobal = { redmatrixPeerHeader?: string };
const store = globalThis as unknown as PeerGlobal;

/** The per-process header name, or undefined while the stamp is not installed. */
function peerHeader(): string | undefined {
  return store.redmatrixPeerHeader;
}

/** An IPv4 client on a dual-stack socket shows as `::ffff:1.2.3.4`: count it as `1.2.3.4`. */
export function normalizeAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}

/** Writes the socket address into the private header, replacing whatever the client sent. */
export function stampPeerAddress(req: http.IncomingMessage): void {
  const name = peerHeader();
  if (name) req.headers[name] = normalizeAddress(req.socket?.remoteAddress ?? "");
}

export function installPeerAddressStamp(): void {
  if (peerHeader()) return;
  store.redmatrixPeerHeader = `x-redmatrix-peer-${randomBytes(8).toString("hex")}`;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") stampPeerAddress(args[0] as http.IncomingMessage);
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/** The socket address the stamp recorded; null when there is none (stamp not installed). */
export function peerAddressOf(headers: Headers): string | null {
  const name = peerHeader();
  return (name && headers.get(name)) || null;
}
