/**
 * The one place that reads `process.env`. Validates every variable with zod once, picks the
 * embedded default for each missing optional service, and says so (once) in the log.
 */
import path from "node:path";
import { z } from "zod";
import { readOrCreateSecret } from "@/lib/security/local-secrets";

const optionalUrl = z.url().optional().or(z.literal("").transform(() => undefined));
const optionalText = z.string().min(1).optional().or(z.literal("").transform(() => undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: optionalText,
  DATABASE_AUTH_TOKEN: optionalText,
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalText,
  QSTASH_URL: optionalUrl,
  QSTASH_TOKEN: optionalText,
  QSTASH_CURRENT_SIGNING_KEY: optionalText,
  QSTASH_NEXT_SIGNING_KEY: optionalText,
  AUTH_SECRET: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = ReturnType<typeof buildEnv>;

function buildEnv(source: NodeJS.ProcessEnv) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "redmatrix.db")}`;
  const hasUpstash = Boolean(e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN);
  const hasQstash = Boolean(e.QSTASH_TOKEN && e.QSTASH_CURRENT_SIGNING_KEY && e.QSTASH_NEXT_SIGNING_KEY);
  return {
    nodeEnv: e.NODE_ENV,
    isProduction: e.NODE_ENV === "production",
    port: e.PORT,
    appUrl: e.APP_URL ?? `http://localhost:${e.PORT}`,
    dataDir,
    logLevel: e.LOG_LEVEL,
    database: {
      url: databaseUrl,
      authToken: e.DATABASE_AUTH_TOKEN,
      isEmbedded: databaseUrl.startsWith("file:"),
    },
    cache: hasUpstash
      ? { driver: "upstash" as const, url: e.UPSTASH_REDIS_REST_URL!, token: e.UPSTASH_REDIS_REST_TOKEN! }
      : { driver: "memory" as const },
    scheduler: hasQstash
      ? {
          driver: "qstash" as const,
          baseUrl: e.QSTASH_URL,
          token: e.QSTASH_TOKEN!,
          currentSigningKey: e.QSTASH_CURRENT_SIGNING_KEY!,
          nextSigningKey: e.QSTASH_NEXT_SIGNING_KEY!,
        }
      : { driver: "embedded" as const },
    /** QStash signing keys; without QStash, local keys in the data dir so the embedded dispatcher can sign the same way. */
    get qstashSigningKeys(): { current: string; next: string } {
      return {
        current: e.QSTASH_CURRENT_SIGNING_KEY ?? readOrCreateSecret(dataDir, "qstash-current-signing-key"),
        next: e.QSTASH_NEXT_SIGNING_KEY ?? readOrCreateSecret(dataDir, "qstash-next-signing-key"),
      };
    },
    get authSecret(): string {
      return e.AUTH_SECRET ?? readOrCreateSecret(dataDir, "auth-secret");
    },
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= buildEnv(process.env);
  return cached;
}

/** One line per driver, for the startup log. */
export function describeDrivers(env: Env = getEnv()): string[] {
  return [
    env.database.isEmbedded
      ? `database: embedded libSQL file ${env.database.url} (set DATABASE_URL for Turso)`
      : `database: libSQL server ${new URL(env.database.url).host}`,
    env.cache.driver === "upstash"
      ? `cache: Upstash Redis ${new URL(env.cache.url).host}`
      : "cache: in-memory (set UPSTASH_REDIS_REST_URL for Upstash)",
    env.scheduler.driver === "qstash"
      ? "scheduler: QStash"
      : "scheduler: embedded dispatcher (set QSTASH_TOKEN and signing keys for QStash)",
  ];
}
