/**
 * The one entry point the publishing pipeline calls: publish a note through an account's
 * configured publisher. Refuses without sending when the account cannot publish (archived,
 * paused, needs login, broken settings), and records the attempt and its outcome in the
 * audit log (`publishing.publish`), which is also what makes the account's history.
 * Our own media (`/api/v1/media/<id>/file`, which needs a session) are sent as signed absolute
 * URLs on APP_URL that expire shortly after the publish window (lib/media/signed-media-url.ts).
 * A refusal because the account is logged out moves it to `needs_login` at once.
 * Runs outside any transaction: the publisher call is network I/O.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { markNeedsLogin } from "@/lib/accounts/mark-needs-login";
import { publisherConfigFor } from "@/lib/accounts/publisher-settings";
import { getEnv } from "@/lib/env";
import { signMediaUrls } from "@/lib/media/signed-media-url";
import { getPublisher } from "./publishers/registry";
import type { PublishNote, PublishOutcome, PublisherRuntime } from "./publishers/types";

type Target = { workspaceId: string; accountId: string };
type Overrides = Partial<Pick<PublisherRuntime, "cache" | "breaker" | "sleep">>;

/** How long a signed media URL outlives the publisher's timeout (the bridge downloads first, but may queue). */
const mediaGraceMs = 10 * 60_000;
const defaultWindowMs = 15 * 60_000;

/** The publisher call alone, for callers that record the outcome themselves (the scheduler, in its own transaction). */
export async function publishThroughPublisher(
  db: Db,
  target: Target,
  note: PublishNote,
  overrides: Overrides = {},
): Promise<PublishOutcome> {
  const [account] = await db
    .select({
      status: accounts.status,
      statusReason: accounts.statusReason,
      archivedAt: accounts.archivedAt,
      publisherId: accounts.publisherId,
      publisherConfig: accounts.publisherConfig,
      publisherSecrets: accounts.publisherSecrets,
    })
    .from(accounts)
    .where(and(eq(accounts.id, target.accountId), eq(accounts.workspaceId, target.workspaceId)))
    .limit(1);
  if (!account || account.archivedAt) return { status: "rejected", reason: "The account does not exist or is archived" };
  if (account.status !== "active")
    return { status: "rejected", reason: `The account is ${account.status}${account.statusReason ? `: ${account.statusReason}` : ""}` };
  const publisher = getPublisher(account.publisherId);
  if (!publisher) return { status: "rejected", reason: `Unknown publisher ${account.publisherId}` };
  const config = publisher.configSchema.safeParse(publisherConfigFor(account));
  if (!config.success) return { status: "rejected", reason: "The publisher settings are incomplete" };
  const windowMs = publisher.timing?.(note, config.data).timeoutMs ?? defaultWindowMs;
  const env = getEnv();
  const sent = note.images
    ? {
        ...note,
        images: signMediaUrls(note.images, {
          appUrl: env.appUrl,
          authSecret: env.authSecret,
          expiresAt: new Date(Date.now() + windowMs + mediaGraceMs),
        }),
      }
    : note;
  const outcome = await publisher.publish(sent, config.data, { ...target, db, ...overrides });
  if (outcome.status !== "published" && outcome.code === "BRIDGE_LOGGED_OUT") await markNeedsLogin(db, target, outcome.reason);
  return outcome;
}

export async function publishToAccount(
  db: Db,
  actor: AuditActor,
  target: Target,
  note: PublishNote,
  overrides: Overrides = {},
): Promise<PublishOutcome> {
  const outcome = await publishThroughPublisher(db, target, note, overrides);
  if (outcome.status === "published") await outcome.record?.(db);
  await recordAudit(db, actor, {
    action: "publishing.publish",
    targetType: "account",
    targetId: target.accountId,
    after: {
      title: note.title,
      kind: note.kind,
      job: note.idempotencyKey,
      outcome: outcome.status,
      detail: "reason" in outcome ? outcome.reason : outcome.remoteId,
    },
  });
  if (outcome.status !== "published") return outcome;
  const { record: _written, ...rest } = outcome;
  return rest;
}
