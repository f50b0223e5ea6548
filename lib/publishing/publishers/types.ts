/**
 * The publisher plugin contract. A publisher turns a note into a post somewhere (the RED
 * bridge, a webhook, the sandbox) and reports a typed outcome that says honestly whether the
 * note may have gone out: `retryable` only when nothing was sent, `unknown` when it may have.
 */
import type { Dispatcher } from "undici";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { Cache } from "@/lib/cache/cache";
import type { BreakerSettings } from "@/lib/http/circuit-breaker";
import type { Locale } from "@/lib/errors/catalog";
import type { PublishFailureCode } from "../publish-failures";

export type PublishNote = {
  kind: "image" | "video";
  title: string;
  content: string;
  /** Image URLs or absolute paths (image notes, 1..18). Our own media arrive as signed absolute URLs. */
  images?: string[];
  /** Absolute path of the video file (video notes). */
  video?: string;
  tags?: string[];
  /** RFC 3339; for the bridge's own scheduling (1 h .. 14 days ahead). */
  scheduleAt?: string;
  isOriginal?: boolean;
  visibility?: "公开可见" | "仅自己可见" | "仅互关好友可见";
  /** Our idempotency key (job id), sent where the target supports it. */
  idempotencyKey?: string;
};

/**
 * A write that belongs with the outcome (the sandbox's record of what it "published"). The caller
 * runs it in the transaction that records the outcome, so a publish costs one commit fewer and
 * the record exists exactly when the job says published. It must write only through `db`: if the
 * scheduler's batch transaction rolls back, it is run again in the job's own transaction.
 */
export type OutcomeRecord = (db: DbOrTx) => Promise<void>;

export type PublishOutcome =
  /** remoteId null: the target does not say (the bridge returns no note id; collection finds it later). */
  | { status: "published"; remoteId: string | null; url: string | null; record?: OutcomeRecord }
  /** code: why, for people (publish-failures.ts); reason: the technical detail, with the remote's own words. */
  | { status: "rejected"; reason: string; code?: PublishFailureCode }
  | { status: "retryable"; reason: string; code?: PublishFailureCode }
  | { status: "unknown"; reason: string; code?: PublishFailureCode };

/** What a health answer means, for the UI to say in the reader's language. */
export type HealthCode =
  | "ok"
  | "logged_in"
  | "logged_out"
  | "token_refused"
  | "bad_answer"
  | "slow"
  | "unreachable"
  | "refused_address"
  | "redirect_refused"
  | "circuit_open"
  | "config_incomplete"
  | "unknown_publisher";

export type HealthResult = {
  ok: boolean;
  code: HealthCode;
  /** true/false when the target knows (the bridge's login status); null when not applicable. */
  loggedIn: boolean | null;
  /** Technical detail (English, our own words: never the remote's answer), stored as the last check message. */
  message: string;
};

/** Where a publisher runs: which account, and a database for publishers that record (sandbox). */
export type PublisherRuntime = {
  workspaceId: string;
  accountId: string;
  db: DbOrTx;
  /** Where the per-account circuit breaker keeps its state (default: the process cache driver). */
  cache?: Cache;
  breaker?: BreakerSettings;
  sleep?: (ms: number) => Promise<void>;
  /** The outbound HTTP dispatcher (default: the process-wide safe dispatcher; tests pass one with their own resolver). */
  dispatcher?: Dispatcher;
};

export interface Publisher<S extends z.ZodObject = z.ZodObject> {
  id: string;
  displayName: Record<Locale, string>;
  description: Record<Locale, string>;
  /** Validates the settings; the settings form is rendered from it (see describeConfigFields). */
  configSchema: S;
  /** Keys of configSchema that are secrets: stored encrypted, write-only, shown masked. */
  secretFields: readonly (keyof z.infer<S> & string)[];
  checkHealth(config: z.infer<S>, runtime: PublisherRuntime): Promise<HealthResult>;
  /** For publishers that are slow on purpose (the bridge types like a person): how long this note should take, and when to give up. */
  timing?(note: PublishNote, config: z.infer<S>): { expectedMs: number; timeoutMs: number };
  publish(note: PublishNote, config: z.infer<S>, runtime: PublisherRuntime): Promise<PublishOutcome>;
}
