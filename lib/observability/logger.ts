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

export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "redmatrix" },
    redact: {
      paths: redactedKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function getLogger(): pino.Logger {
  globalForLog.redmatrixLogger ??= createLogger(getEnv().logLevel);
  return globalForLog.redmatrixLogger;
}
