/**
 * The HTTP client for every outbound call (bridges, webhooks, later AI and collectors):
 * a timeout on every request, retries with exponential backoff and full jitter for idempotent
 * calls only, an optional circuit breaker, and errors that say whether the request may have
 * been sent (`sent: "no" | "maybe"`), which is what decides between "retry" and "ask a person".
 * Requests go through `safeFetch` (safe-dispatcher.ts): the resolved address of every
 * connection is checked against the SSRF policy and redirects are refused; both are errors here
 * that are never retried. Connections are reused: the dispatcher keeps a keep-alive pool per origin.
 */
import type { Dispatcher } from "undici";
import type { CircuitBreaker } from "./circuit-breaker";
import { RedirectRefusedError, RefusedAddressError, safeFetch } from "./safe-dispatcher";

export type ResilientOptions = {
  timeoutMs: number;
  /** Safe to repeat (GET, health checks): retried on network errors, timeouts, 5xx and 429. */
  idempotent: boolean;
  retries?: number;
  baseDelayMs?: number;
  breaker?: CircuitBreaker;
  sleep?: (ms: number) => Promise<void>;
  /** Default: the process-wide safe dispatcher for the configured policy (tests pass their own). */
  dispatcher?: Dispatcher;
};

export type OutboundErrorKind = "timeout" | "network" | "circuit_open" | "refused_address" | "redirect";

export class OutboundError extends Error {
  constructor(
    message: string,
    readonly kind: OutboundErrorKind,
    /** "no": the request never left (connect failed, breaker open); "maybe": it may have arrived. */
    readonly sent: "no" | "maybe",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OutboundError";
  }
}

// Connect-phase failures: the request body never reached the server.
const notSentCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
]);

function classify(error: unknown, timedOut: boolean): OutboundError {
  if (timedOut) return new OutboundError("timed out waiting for the answer", "timeout", "maybe", { cause: error });
  const cause = (error as { cause?: unknown })?.cause;
  const refused = error instanceof RefusedAddressError ? error : cause instanceof RefusedAddressError ? cause : null;
  if (refused) return new OutboundError(refused.message, "refused_address", "no", { cause: refused });
  // The remote got the request and answered 3xx: it may have acted on it.
  if (error instanceof RedirectRefusedError) return new OutboundError(error.message, "redirect", "maybe", { cause: error });
  const code = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  const message = `network error${code ? ` (${code})` : ""}`;
  return new OutboundError(message, "network", code && notSentCodes.has(code) ? "no" : "maybe", { cause: error });
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random delay in [0, base * 2^attempt], capped at 10 s. */
export function backoffDelay(attempt: number, baseDelayMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(10_000, baseDelayMs * 2 ** attempt));
}

async function once(url: string, init: RequestInit, timeoutMs: number, dispatcher?: Dispatcher): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    // safeFetch reads the body inside the timeout too: a server that hangs mid-body is a timeout.
    return await safeFetch(url, { ...init, signal: controller.signal, dispatcher });
  } catch (error) {
    throw classify(error, timedOut);
  } finally {
    clearTimeout(timer);
  }
}

export async function resilientFetch(url: string, init: RequestInit, options: ResilientOptions): Promise<Response> {
  const retries = options.idempotent ? (options.retries ?? 2) : 0;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    if (options.breaker) {
      try {
        await options.breaker.beforeCall();
      } catch (error) {
        throw new OutboundError((error as Error).message, "circuit_open", "no", { cause: error });
      }
    }
    let failure: OutboundError | null = null;
    let res: Response | null = null;
    try {
      res = await once(url, init, options.timeoutMs, options.dispatcher);
    } catch (error) {
      failure = error as OutboundError;
    }
    const serverFailed = res !== null && res.status >= 500;
    // A refused address says nothing about the remote's health: no breaker, no retry.
    const refused = failure?.kind === "refused_address";
    if (options.breaker && !refused) {
      if (failure || serverFailed) await options.breaker.onFailure(failure?.message ?? `HTTP ${res!.status}`);
      else await options.breaker.onSuccess();
    }
    const retryable =
      (failure !== null && (failure.kind === "network" || failure.kind === "timeout")) || serverFailed || res?.status === 429;
    if (!retryable || attempt >= retries) {
      if (failure) throw failure;
      return res!;
    }
    await sleep(backoffDelay(attempt, options.baseDelayMs ?? 250));
  }
}
