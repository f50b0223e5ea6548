/**
 * The one place that reads `process.env`. Validates every variable with zod once, picks the
 * embedded default for each missing optional service, and says so (once) in the log.
 */
import path from "node:path";
import { z } from "zod";
import { parseKeyRing } from "@/lib/security/crypto/key-ring";
import { readOrCreateSecret } from "@/lib/security/local-secrets";

const optionalUrl = z
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));
const optionalText = z
  .string()
  .min(1)
  .optional()
  .or(z.literal("").transform(() => undefined));

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** `id:base64key,id:base64key`, newest (current) first; every key 32 bytes. */
const encryptionKeys = optionalText.superRefine((value, ctx) => {
  if (!value) return;
  try {
    parseKeyRing(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

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
  /** Key ring for secrets at rest. Unset: a generated key file `<DATA_DIR>/encryption-keys` (0600). */
  ENCRYPTION_KEYS: encryptionKeys,
  /** Older name of OUTBOUND_ALLOW_PRIVATE (true = `true`, false = `false`), read only when that one is unset. */
  ALLOW_PRIVATE_PUBLISHER_URLS: booleanFlag,
  /**
   * Which private addresses outbound calls (bridges, webhooks, robots, AI providers, SMTP, S3)
   * may reach, checked on the resolved address of every connection: `false` public only,
   * `loopback` also this machine, `true` also private networks. Metadata and link-local
   * addresses are refused always. Supersedes ALLOW_PRIVATE_PUBLISHER_URLS (still read).
   * Default: `true` outside production; in production `loopback` with the embedded database
   * (self-hosted on one machine: the bridge at http://127.0.0.1:18060 works), else `false`.
   */
  OUTBOUND_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0", "loopback"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** xiaohongshu-mcp bridge used to collect competitor data (profile, search, note detail). */
  XHS_DATA_BRIDGE_URL: optionalUrl,
  XHS_DATA_BRIDGE_TOKEN: optionalText,
  /** S3-compatible media storage (AWS S3, Cloudflare R2, MinIO, OSS …): on when S3_BUCKET is set. */
  S3_BUCKET: optionalText,
  S3_ENDPOINT: optionalUrl,
  S3_REGION: optionalText,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  /** Path-style URLs (`endpoint/bucket/key`), needed by MinIO and most self-hosted servers. */
  S3_FORCE_PATH_STYLE: booleanFlag,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seconds the account matrix data stays cached (writes invalidate it at once anyway); 0 turns the cache off. */
  MATRIX_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /**
   * How many proxies of ours sit in front of the app (load balancer, CDN …); 0 (default): none,
   * the client address is the socket's and X-Forwarded-For is ignored (lib/next/request-info.ts).
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Bearer token Prometheus sends to /api/metrics; without it only METRICS_ALLOW addresses may scrape. */
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Addresses or CIDR ranges that may scrape /api/metrics without the token (default: this machine). */
  METRICS_ALLOW: z.string().default("127.0.0.0/8,::1/128"),
});

export type Env = ReturnType<typeof buildEnv>;

/** OUTBOUND_ALLOW_PRIVATE, else the older ALLOW_PRIVATE_PUBLISHER_URLS, else the default described above. */
function outboundPrivateAccess(
  setting: string | undefined,
  legacy: boolean | undefined,
  isProduction: boolean,
  isEmbedded: boolean,
): "none" | "loopback" | "all" {
  if (setting === "loopback") return "loopback";
  if (setting !== undefined) return setting === "true" || setting === "1" ? "all" : "none";
  if (legacy !== undefined) return legacy ? "all" : "none";
  if (!isProduction) return "all";
  return isEmbedded ? "loopback" : "none";
}

export function buildEnv(source: NodeJS.ProcessEnv) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (e.S3_BUCKET && !(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY)) {
    throw new Error("Invalid environment: S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required");
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "redmatrix.db")}`;
  const hasUpstash = Boolean(e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN);
  const hasQstash = Boolean(e.QSTASH_TOKEN && e.QSTASH_CURRENT_SIGNING_KEY && e.QSTASH_NEXT_SIGNING_KEY);
  if (hasQstash && !e.APP_URL && e.NODE_ENV === "production") {
    // QStash would be told to call http://localhost:<port>/api/webhooks/..., which it cannot reach: every job would be lost.
    throw new Error(
      "Invalid environment: QStash is configured (QSTASH_TOKEN), so APP_URL is required in production: the public https:// address QStash calls the webhooks at (e.g. https://redmatrix.example.com)",
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    isProduction: e.NODE_ENV === "production",
    port: e.PORT,
    // Without its trailing slash: `${appUrl}/api/...` must not become `//api/...` (a 308, which QStash counts as a failed delivery).
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
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
    encryption: e.ENCRYPTION_KEYS
      ? { source: "env" as const, keys: e.ENCRYPTION_KEYS }
      : { source: "file" as const, file: path.join(dataDir, "encryption-keys") },
    media: e.S3_BUCKET
      ? {
          driver: "s3" as const,
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION ?? "us-east-1",
          accessKeyId: e.S3_ACCESS_KEY_ID!,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
          forcePathStyle: e.S3_FORCE_PATH_STYLE ?? false,
        }
      : { driver: "local" as const, root: path.join(dataDir, "media") },
    outbound: {
      privateAccess: outboundPrivateAccess(
        e.OUTBOUND_ALLOW_PRIVATE,
        e.ALLOW_PRIVATE_PUBLISHER_URLS,
        e.NODE_ENV === "production",
        databaseUrl.startsWith("file:"),
      ),
    },
    dataBridge: { url: e.XHS_DATA_BRIDGE_URL, token: e.XHS_DATA_BRIDGE_TOKEN },
    matrixCacheSeconds: e.MATRIX_CACHE_SECONDS,
    trustProxyHops: e.TRUST_PROXY,
    metrics: {
      token: e.METRICS_TOKEN,
      allow: e.METRICS_ALLOW.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
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
    env.media.driver === "s3"
      ? `media: S3 bucket ${env.media.bucket} at ${env.media.endpoint ? new URL(env.media.endpoint).host : `AWS ${env.media.region}`}${env.media.forcePathStyle ? " (path-style)" : ""}`
      : `media: local files ${env.media.root} (set S3_BUCKET and S3 keys for S3-compatible storage)`,
    env.encryption.source === "env"
      ? "secrets: encrypted with ENCRYPTION_KEYS"
      : `secrets: encrypted with the generated key file ${env.encryption.file} (set ENCRYPTION_KEYS to manage keys yourself)`,
    {
      none: "outbound calls: public addresses only (set OUTBOUND_ALLOW_PRIVATE=loopback or =true for a bridge on this machine or your network)",
      loopback:
        "outbound calls: public addresses and this machine (set OUTBOUND_ALLOW_PRIVATE=true for your network, =false for public only)",
      all: "outbound calls: public and private addresses (set OUTBOUND_ALLOW_PRIVATE=false or =loopback to narrow this)",
    }[env.outbound.privateAccess],
  ];
}
