/**
 * One JSON POST to an OpenAI-compatible API through the resilient client (timeout, retries with
 * backoff on 5xx/429/network; resolved address checked, redirects refused). A refused address or
 * redirect is its own error code (the suggestion names the setting); any other failure becomes
 * AI_PROVIDER_FAILED with a detail that names the path and status, never the API key and never
 * the provider's answer text (the base URL is user input: the answer could be anything's).
 */
import type { Dispatcher } from "undici";
import { AppError } from "@/lib/errors/app-error";
import { OutboundError, resilientFetch } from "@/lib/http/resilient-fetch";

export type OpenAiEndpoint = { baseUrl: string; apiKey: string | null };

export type OpenAiCallOptions = { timeoutMs?: number; retries?: number; sleep?: (ms: number) => Promise<void>; dispatcher?: Dispatcher };

export async function postOpenAi<T>(endpoint: OpenAiEndpoint, path: string, body: unknown, options: OpenAiCallOptions = {}): Promise<T> {
  const url = `${endpoint.baseUrl.replace(/\/+$/, "")}${path}`;
  let res: Response;
  try {
    res = await resilientFetch(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
        body: JSON.stringify(body),
      },
      // The calls have no side effects, so retrying is safe.
      {
        timeoutMs: options.timeoutMs ?? 20_000,
        idempotent: true,
        retries: options.retries ?? 2,
        sleep: options.sleep,
        dispatcher: options.dispatcher,
      },
    );
  } catch (error) {
    const reason = error instanceof OutboundError ? error.message : "request failed";
    const code =
      error instanceof OutboundError && error.kind === "refused_address"
        ? "OUTBOUND_ADDRESS_REFUSED"
        : error instanceof OutboundError && error.kind === "redirect"
          ? "OUTBOUND_REDIRECT_REFUSED"
          : "AI_PROVIDER_FAILED";
    throw new AppError(code, { detail: `${path}: ${reason}`, cause: error });
  }
  const text = await res.text();
  if (!res.ok) {
    const hint =
      res.status === 401 || res.status === 403 ? " (check the API key)" : res.status === 404 ? " (check the base URL and model)" : "";
    throw new AppError("AI_PROVIDER_FAILED", { detail: `${path}: HTTP ${res.status}${hint}` });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new AppError("AI_PROVIDER_FAILED", { detail: `${path}: the answer is not JSON`, cause: error });
  }
}
