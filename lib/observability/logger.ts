/** Structured JSON logs (pino). Secrets are redacted by key wherever they appear. */
import pino from "pino";
import { getEnv } from "@/lib/env";

export const redactedKeys = [
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "token",
  "secret",
  "authorization",
  "cookie",
  "apiKey",
];

const globalForLog = globalThis as unknown as { redmatrixLogger?: pino.Logger };

export function getLogger(): pino.Logger {
  globalForLog.redmatrixLogger ??= pino({
    level: getEnv().logLevel,
    base: { service: "redmatrix" },
    redact: {
      paths: redactedKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers.${key}`]),
      censor: "[redacted]",
    },
  });
  return globalForLog.redmatrixLogger;
}
