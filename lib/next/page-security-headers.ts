/**
 * Security headers for HTML pages, made per request. Scripts run only with this response's nonce
 * (Next reads it from the request's Content-Security-Policy and stamps it on its own inline
 * bootstrap scripts), so an injected `<script>` or inline handler cannot run even if markup ever
 * slipped through. `'strict-dynamic'` lets those trusted scripts load the page's chunks.
 * Styles keep 'unsafe-inline': React's style attributes need it, and styles cannot run code.
 * HSTS only where the request arrived over https (browsers ignore it on plain http anyway).
 */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function pageContentSecurityPolicy(nonce: string, options: { isDev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export const hsts = "max-age=63072000; includeSubDomains";

export function isHttps(req: { headers: Headers; nextUrl: { protocol: string } }): boolean {
  return req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
