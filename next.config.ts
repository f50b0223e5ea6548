import fs from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const isDev = process.env.NODE_ENV !== "production";

// Next inlines its bootstrap scripts, so scripts need 'unsafe-inline' (no nonce without
// forcing every page dynamic). Everything else is locked to this origin.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// A git worktree may share node_modules through a symlink; Turbopack resolves packages only
// inside its root, so the root becomes the directory holding both (unchanged otherwise).
function turbopackRoot(): string {
  const cwd = process.cwd();
  const modules = path.dirname(fs.realpathSync(path.join(cwd, "node_modules")));
  let root = cwd;
  while (!modules.startsWith(root + path.sep) && modules !== root && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  turbopack: { root: turbopackRoot() },
  outputFileTracingRoot: turbopackRoot(),
  serverExternalPackages: ["@libsql/client", "libsql", "@node-rs/argon2", "pino"],
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
