/**
 * The browser side of the drafts REST API: same-origin fetches with the session cookie and the
 * workspace header. Answers are { ok, status, data | error } so callers can branch on 409 etc.
 */
export type ApiError = {
  code: string;
  message: string;
  suggestion: string;
  details?: Record<string, unknown>;
  fieldErrors?: Record<string, string[]>;
};
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError; offline?: boolean };

export async function draftApi<T>(
  slug: string,
  path: string,
  init: { method?: string; body?: unknown; keepalive?: boolean } = {},
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json", "x-workspace": slug },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      keepalive: init.keepalive,
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, offline: true, error: { code: "OFFLINE", message: "offline", suggestion: "" } };
  }
  const json = await res.json().catch(() => ({}));
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  return {
    ok: false,
    status: res.status,
    error: (json as { error?: ApiError }).error ?? { code: "INTERNAL", message: res.statusText, suggestion: "" },
  };
}
