/**
 * Channel notifications through an outbox. `enqueueNotification` runs inside the transaction
 * that records the event, so the notification exists exactly when the event does; the slow part
 * (a robot or SMTP server, up to 8 s) happens later in `deliverOutbox`, outside any request.
 * Each row is leased with a conditional UPDATE before sending, so two deliverers (the webhook's
 * follow-up and the dispatcher or sweep) never send it twice; a sender that dies mid-send lets
 * the lease lapse and the row is tried again (at least once). Failures back off, then give up.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { notificationChannels, notificationOutbox, type NotificationOutboxRow } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { getLogger } from "@/lib/observability/logger";
import { eventMessage, type WorkspaceEvent } from "./event-message";
import { sendToChannel } from "./send-to-channel";
import type { ChannelEvent } from "./types";

export const outboxPolicy = {
  leaseMs: 60_000,
  maxAttempts: 6,
  batch: 20,
  backoffMs: (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 30 * 60_000),
};

/** Queues the event for every enabled channel subscribed to it; returns the row ids. */
export async function enqueueNotification(tx: DbOrTx, workspaceId: string, event: WorkspaceEvent, now = new Date()): Promise<string[]> {
  const channels = (
    await tx
      .select({ id: notificationChannels.id, events: notificationChannels.events })
      .from(notificationChannels)
      .where(and(eq(notificationChannels.workspaceId, workspaceId), eq(notificationChannels.enabled, true)))
  ).filter((c) => c.events.includes(event.kind));
  if (!channels.length) return [];
  const at = (event.at ?? now).toISOString();
  const rows = channels.map((c) => ({
    id: newId("ntf"),
    workspaceId,
    channelId: c.id,
    event: { kind: event.kind, payload: event.payload, at },
    nextAttemptAt: now,
  }));
  await tx.insert(notificationOutbox).values(rows);
  return rows.map((r) => r.id);
}

async function lease(db: Db, id: string, now: Date): Promise<NotificationOutboxRow | null> {
  const [row] = await db
    .update(notificationOutbox)
    .set({ attempts: sql`${notificationOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + outboxPolicy.leaseMs) })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.status, "pending"), lte(notificationOutbox.nextAttemptAt, now)))
    .returning();
  return row ?? null;
}

async function deliverOne(db: Db, row: NotificationOutboxRow): Promise<boolean> {
  const [channel] = await db.select().from(notificationChannels).where(eq(notificationChannels.id, row.channelId));
  const event = {
    kind: row.event.kind as ChannelEvent,
    payload: row.event.payload as WorkspaceEvent["payload"],
    at: new Date(row.event.at),
  };
  const message = channel?.enabled ? await eventMessage(db, row.workspaceId, event) : null;
  if (!channel?.enabled || !message) {
    await db
      .update(notificationOutbox)
      .set({ status: "failed", lastError: "channel disabled or removed" })
      .where(eq(notificationOutbox.id, row.id));
    return false;
  }
  const result = await sendToChannel(db, channel, message);
  const finished = new Date();
  const changes = result.ok
    ? { status: "sent" as const, sentAt: finished, lastError: null }
    : row.attempts >= outboxPolicy.maxAttempts
      ? { status: "failed" as const, lastError: result.error }
      : { lastError: result.error, nextAttemptAt: new Date(finished.getTime() + outboxPolicy.backoffMs(row.attempts)) };
  await db.update(notificationOutbox).set(changes).where(eq(notificationOutbox.id, row.id));
  return result.ok;
}

/**
 * Sends due rows (these `ids`, or any due ones up to a batch), in parallel. Never throws: it
 * runs after responses and on timers. Returns how many were sent.
 */
export async function deliverOutbox(db: Db, options: { ids?: string[]; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  try {
    const due = options.ids
      ? options.ids
      : (
          await db
            .select({ id: notificationOutbox.id })
            .from(notificationOutbox)
            .where(and(eq(notificationOutbox.status, "pending"), lte(notificationOutbox.nextAttemptAt, now)))
            .orderBy(asc(notificationOutbox.nextAttemptAt))
            .limit(outboxPolicy.batch)
        ).map((r) => r.id);
    const leased = (await Promise.all(due.map((id) => lease(db, id, now)))).filter((r): r is NotificationOutboxRow => r !== null);
    const sent = await Promise.all(
      leased.map((row) =>
        deliverOne(db, row).catch((error) => {
          getLogger().warn({ outboxId: row.id, error: (error as Error).message }, "notification delivery failed");
          return false;
        }),
      ),
    );
    return sent.filter(Boolean).length;
  } catch (error) {
    getLogger().warn({ error: (error as Error).message }, "notification outbox delivery failed");
    return 0;
  }
}

/** For tests and the attention view: rows of these ids. */
export const outboxRows = (db: DbOrTx, ids: string[]) => db.select().from(notificationOutbox).where(inArray(notificationOutbox.id, ids));
