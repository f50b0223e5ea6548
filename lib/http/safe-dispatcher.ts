/**
 * Every outbound HTTP connection the server opens on someone's behalf (publisher bridges,
 * webhooks, robots, the data bridge, AI providers) goes through `safeFetch`: undici's own
 * `fetch` with an undici `Agent` whose connector checks the address it is about to connect to.
 *
 * Why this shape: the address check must happen on the resolved address of the very connection
 * (a name that resolves to 127.0.0.1 or 169.254.169.254 must not pass; DNS rebinding must not
 * either), and only the connector sees that. undici (the maintained HTTP client behind Node's
 * fetch) lets us give its connector a `lookup`: every address the name resolves to is classified
 * (address-policy.ts, ranges from ipaddr.js) before a socket exists, and the socket connects to
 * exactly the addresses we checked. IP literals skip `lookup` in net.connect, so the connector
 * checks those itself. We use the npm `undici` package's `fetch` together with its `Agent` (not
 * Node 20's global fetch, which bundles undici 6 and may not accept a v7 dispatcher).
 * Redirects are never followed: `redirect: "manual"`, and a 3xx becomes `RedirectRefusedError`
 * (a bridge, webhook or API has no reason to redirect, and a hop is where SSRF hides).
 */
import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector, fetch as undiciFetch, type Dispatcher } from "undici";
import { getEnv } from "@/lib/env";
import { classifyAddress, isClassAllowed, refusalReason, type AddressClass, type PrivateAccess } from "./address-policy";

export type ResolvedAddress = { address: string; family: number };
/** Name -> every address it resolves to (the default is the OS resolver, as Node's fetch uses). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** The connection was refused before it was opened: the host is (or resolves to) a refused address. */
export class RefusedAddressError extends Error {
  readonly code = "ERR_OUTBOUND_REFUSED_ADDRESS";
  constructor(
    readonly host: string,
    readonly addressClass: AddressClass,
  ) {
    super(refusalReason(addressClass));
    this.name = "RefusedAddressError";
  }
}

/** The remote answered with a redirect, which is not followed. */
export class RedirectRefusedError extends Error {
  readonly code = "ERR_OUTBOUND_REDIRECT_REFUSED";
  constructor(readonly status: number) {
    super(`the remote answered HTTP ${status} (a redirect), which is not followed: use the final URL`);
    this.name = "RedirectRefusedError";
  }
}

const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** The first refused class among these addresses, or null when all may be called. */
function refusedClass(addresses: string[], access: PrivateAccess): AddressClass | null {
  for (const address of addresses) {
    const cls = classifyAddress(address);
    if (!isClassAllowed(cls, access)) return cls;
  }
  return null;
}

/**
 * A `lookup` for net/tls/http.Agent that resolves the name and refuses it when any address is
 * refused (all of them: with Happy Eyeballs the socket may try each one).
 */
export function checkedLookup(access: PrivateAccess, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (!wanted.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
        const refused = refusedClass(
          wanted.map((a) => a.address),
          access,
        );
        if (refused) return callback(new RefusedAddressError(hostname, refused), "", 0);
        if (options.all) return callback(null, wanted);
        callback(null, wanted[0].address, wanted[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

/** Checks a host before connecting (an IP literal directly, a name through `resolve`); throws RefusedAddressError. */
export async function assertHostAllowed(host: string, access: PrivateAccess, resolve: Resolve = systemResolve): Promise<ResolvedAddress[]> {
  const bare = host.replace(/^\[|\]$/g, "");
  const addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await resolve(bare);
  const refused = refusedClass(
    addresses.map((a) => a.address),
    access,
  );
  if (refused) throw new RefusedAddressError(bare, refused);
  return addresses;
}

export type SafeDispatcherOptions = { access: PrivateAccess; resolve?: Resolve; connectTimeoutMs?: number };

/** An undici Agent that refuses connections to refused addresses (names and IP literals). */
export function createSafeDispatcher(options: SafeDispatcherOptions): Dispatcher {
  const base = buildConnector({ lookup: checkedLookup(options.access, options.resolve), timeout: options.connectTimeoutMs ?? 10_000 });
  const connect: buildConnector.connector = (target, callback) => {
    const bare = target.hostname.replace(/^\[|\]$/g, "");
    if (isIP(bare)) {
      const cls = classifyAddress(bare);
      if (!isClassAllowed(cls, options.access)) return callback(new RefusedAddressError(bare, cls), null);
    }
    base(target, callback);
  };
  return new Agent({ connect });
}

let shared: { access: PrivateAccess; dispatcher: Dispatcher } | undefined;

/** The process-wide dispatcher for the configured policy (connections are pooled per origin). */
export function outboundDispatcher(): Dispatcher {
  const access = getEnv().outbound.privateAccess;
  if (shared?.access !== access) shared = { access, dispatcher: createSafeDispatcher({ access }) };
  return shared.dispatcher;
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

export type SafeFetchInit = Omit<RequestInit, "redirect" | "dispatcher"> & { dispatcher?: Dispatcher };

/**
 * fetch through the safe dispatcher, redirects refused. Returns a global `Response` with the body
 * buffered (callers keep using the standard type).
 */
export async function safeFetch(url: string, init: SafeFetchInit = {}): Promise<Response> {
  const { dispatcher, ...rest } = init;
  const res = await undiciFetch(url, {
    ...(rest as Parameters<typeof undiciFetch>[1]),
    redirect: "manual",
    dispatcher: dispatcher ?? outboundDispatcher(),
  });
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel().catch(() => undefined);
    throw new RedirectRefusedError(res.status);
  }
  const body = await res.arrayBuffer();
  return new Response(nullBodyStatuses.has(res.status) ? null : body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers as unknown as Headers,
  });
}
