/**
 * One JSON POST to an OpenAI-compatible API through the resilient client (timeout, retries with
 * backoff on 5xx/429/network). Any failure becomes AI_PROVIDER_FAILED with a message that names
 * the status and the provider's own error text, never the API key.
 */
import { AppError } from "@/lib/errors/app-error";
import { OutboundError, resilientFetch } from "@/lib/http/resilient-fetch";

export type OpenAiEndpoint = { baseUrl: string; apiKey: string | null };

export type OpenAiCallOptions = { timeoutMs?: number; retries?: number; sleep?: (ms: number) => Promise<void> };

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
      { timeoutMs: options.timeoutMs ?? 20_000, idempotent: true, retries: options.retries ?? 2, sleep: options.sleep },
    );
  } catch (error) {
    const reason = error instanceof OutboundError ? error.message : "request failed";
    throw new AppError("AI_PROVIDER_FAILED", { detail: `${path}: ${reason}`, cause: error });
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text.slice(0, 200);
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON: keep the start of the text
    }
    throw new AppError("AI_PROVIDER_FAILED", { detail: `${path}: HTTP ${res.status} ${message}` });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new AppError("AI_PROVIDER_FAILED", { detail: `${path}: the answer is not JSON`, cause: error });
  }
}
