/**
 * What a notification row says and where it leads, for the header bell and the drafts page:
 * a message key under `notifications.kinds` with its values, and the page of its target.
 * Unknown kinds (written by a newer version) still show, as "other", without a link.
 */
import type { Notification } from "@/db/schema";

export const notificationKinds = [
  "submit",
  "approve",
  "request_changes",
  "comment",
  "publish_failed",
  "publish_unconfirmed",
  "competitor_alert",
  "competitor_viral_note",
  "competitor_cadence_doubled",
  "own_engagement_drop",
  "account_needs_login",
] as const;
export type NotificationKind = (typeof notificationKinds)[number] | "other";

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  values: { by: string; title: string };
  detail: string | null;
  href: string | null;
  isRead: boolean;
  createdAt: string;
};

/** `href`: a path inside the workspace chosen by whoever wrote the notification (competitor alerts). */
type Payload = {
  href?: string;
  draftId?: string;
  jobId?: string;
  competitorId?: string;
  accountId?: string;
  title?: string;
  by?: string;
  comment?: string;
  reason?: string;
};

const isKind = (kind: string): kind is (typeof notificationKinds)[number] => (notificationKinds as readonly string[]).includes(kind);

function hrefOf(kind: NotificationKind, p: Payload, slug: string): string | null {
  if (kind !== "other" && p.href?.startsWith("/")) return `/${slug}${p.href}`;
  if (kind === "publish_failed" || kind === "publish_unconfirmed") return `/${slug}/calendar`;
  if (kind === "account_needs_login") return p.accountId ? `/${slug}/accounts/${p.accountId}` : `/${slug}/accounts`;
  if (kind === "competitor_alert") return p.competitorId ? `/${slug}/competitors/${p.competitorId}` : `/${slug}/competitors`;
  if (kind !== "other" && p.draftId) return `/${slug}/drafts/${p.draftId}`;
  return null;
}

export function toNotificationView(
  row: Pick<Notification, "id" | "kind" | "payload" | "readAt" | "createdAt">,
  slug: string,
): NotificationView {
  const p = row.payload as Payload;
  const bare = row.kind.replace(/^draft\./, "").replace(/^competitor\.alert$/, "competitor_alert");
  const kind: NotificationKind = isKind(bare) ? bare : "other";
  return {
    id: row.id,
    kind,
    values: { by: p.by ?? "", title: p.title ?? "" },
    detail: p.comment ?? p.reason ?? null,
    href: hrefOf(kind, p, slug),
    isRead: row.readAt != null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
