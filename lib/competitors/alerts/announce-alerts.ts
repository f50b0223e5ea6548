/**
 * Tells people about alerts an ingest just raised (after its transaction committed): an in-app
 * notification for every member who can read competitors, and the workspace's notification
 * channels subscribed to the alert's event. At most `maxAnnounced` per call, so a backfill that
 * raises hundreds of alerts cannot flood a robot (they stay listed on the overview).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, competitorAlerts, competitors, type CompetitorAlert } from "@/db/schema";
import type { WorkspaceEvent } from "@/lib/notifications/channels/event-message";
import { deliverOutbox, enqueueNotification } from "@/lib/notifications/channels/notification-outbox";
import type { ChannelEvent } from "@/lib/notifications/channels/types";
import { notify, usersWithPermission } from "@/lib/notifications/notifications";

export const maxAnnounced = 5;

const eventOf: Record<CompetitorAlert["kind"], ChannelEvent> = {
  viral_note: "competitor_viral_note",
  cadence_doubled: "competitor_cadence_doubled",
  engagement_drop: "own_engagement_drop",
};

/** Where an alert points inside the workspace: the competitor's page, or the overview for an own account. */
export function alertPath(a: Pick<CompetitorAlert, "subjectType" | "subjectId">): string {
  return a.subjectType === "competitor" ? `/competitors/${a.subjectId}` : `/competitors?s=a:${a.subjectId}`;
}

function eventFor(a: CompetitorAlert, subjectName: string): WorkspaceEvent {
  const p = a.payload;
  const num = (v: unknown) => Number(v ?? 0);
  const figures =
    a.kind === "viral_note"
      ? { likes: num(p.likes), threshold: num(p.threshold) }
      : a.kind === "cadence_doubled"
        ? { current: num(p.notesLast7), previous: num(p.notesPrev7) }
        : { current: num(p.engagementLast7), previous: num(p.engagementPrev7) };
  return {
    kind: eventOf[a.kind],
    payload: { subjectName, title: a.kind === "viral_note" ? String(p.title ?? "") : undefined, figures, path: alertPath(a) },
    at: a.createdAt,
  };
}

export async function announceAlerts(db: Db, workspaceId: string, alertIds: string[]): Promise<number> {
  if (!alertIds.length) return 0;
  const alerts = await db
    .select()
    .from(competitorAlerts)
    .where(and(eq(competitorAlerts.workspaceId, workspaceId), inArray(competitorAlerts.id, alertIds.slice(0, maxAnnounced))));
  if (!alerts.length) return 0;
  const ids = (type: string) => alerts.filter((a) => a.subjectType === type).map((a) => a.subjectId);
  const [cs, as, readers] = await Promise.all([
    ids("competitor").length
      ? db
          .select({ id: competitors.id, name: competitors.name })
          .from(competitors)
          .where(inArray(competitors.id, ids("competitor")))
      : [],
    ids("account").length
      ? db
          .select({ id: accounts.id, name: accounts.name })
          .from(accounts)
          .where(inArray(accounts.id, ids("account")))
      : [],
    usersWithPermission(db, workspaceId, "competitors.read"),
  ]);
  const names = new Map([...cs, ...as].map((s) => [s.id, s.name]));
  const outboxIds = await db.transaction(async (tx) => {
    const queued: string[] = [];
    for (const a of alerts) {
      const event = eventFor(a, names.get(a.subjectId) ?? "—");
      await notify(tx, workspaceId, readers, event.kind, {
        alertId: a.id,
        title: event.payload.title ? `${event.payload.subjectName}：${event.payload.title}` : event.payload.subjectName,
        href: event.payload.path,
        by: "",
      });
      queued.push(...(await enqueueNotification(tx, workspaceId, event)));
    }
    return queued;
  });
  // Sent after the commit; the outbox retries a robot that is down.
  await deliverOutbox(db, { ids: outboxIds });
  return alerts.length;
}
