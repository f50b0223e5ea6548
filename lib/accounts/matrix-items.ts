/** Matrix accounts -> the rows the client renders (display names resolved, nothing secret). */
import type { Locale } from "@/lib/errors/catalog";
import { getPublisher } from "@/lib/publishing/publishers/registry";
import type { MatrixAccount } from "./load-matrix";

export function toMatrixItems(accounts: MatrixAccount[], locale: Locale) {
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
    publisherId: a.publisher.id,
    publisherName: getPublisher(a.publisher.id)?.displayName[locale] ?? a.publisher.id,
    breaker: a.breaker?.state,
    lastCheckAt: a.lastCheckAt,
    lastCheckOk: a.lastCheckOk,
    lastCheckMessage: a.lastCheckMessage,
    followers: a.stats.followers,
    postsThisWeek: a.stats.postsThisWeek,
    nextScheduledAt: a.stats.nextScheduledAt,
    lastPublish: a.stats.lastPublish,
    failures7d: a.stats.failures7d,
  }));
}
