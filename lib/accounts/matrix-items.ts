/** Matrix accounts -> the rows the client renders (display names resolved, nothing secret). */
import type { MatrixItem, MatrixItemsJson } from "./matrix-rows";
import type { Locale } from "@/lib/errors/catalog";
import { getPublisher } from "@/lib/publishing/publishers/registry";
import type { MatrixAccount } from "./load-matrix";

export function toMatrixItems(accounts: MatrixAccount[], locale: Locale): MatrixItem[] {
  return accounts.map((a) => ({
    id: a.id,
    name: a.name,
    redId: a.redId,
    avatarUrl: a.avatarUrl,
    status: a.status,
    statusReason: a.statusReason,
    groups: a.groups,
    tags: a.tags,
    postingSlots: a.postingSlots,
    publisherName: getPublisher(a.publisher.id)?.displayName[locale] ?? a.publisher.id,
    breaker: a.breaker?.state,
    lastCheckAt: a.lastCheckAt?.toISOString() ?? null,
    lastCheckOk: a.lastCheckOk,
    lastCheckMessage: a.lastCheckMessage,
    followers: a.stats.followers,
    postsThisWeek: a.stats.postsThisWeek,
    nextScheduledAt: a.stats.nextScheduledAt?.toISOString() ?? null,
    lastPublish: a.stats.lastPublish && { status: a.stats.lastPublish.status, at: a.stats.lastPublish.at.toISOString() },
    failures7d: a.stats.failures7d,
  }));
}

export const toMatrixItemsJson = (accounts: MatrixAccount[], locale: Locale) =>
  JSON.stringify(toMatrixItems(accounts, locale)) as MatrixItemsJson;
