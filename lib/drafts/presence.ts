/**
 * "<name> is editing": each open editor sends a heartbeat; one cache key per draft holds who was
 * there recently and expires on its own, so a closed tab disappears within the TTL.
 */
import type { Cache } from "@/lib/cache";

export const presenceTtlSeconds = 30;
type Entry = { userId: string; name: string; at: number };

const keyOf = (workspaceId: string, draftId: string) => `presence:draft:${workspaceId}:${draftId}`;

/** Records the caller as present and answers the others who are. */
export async function heartbeat(
  cache: Cache,
  workspaceId: string,
  draftId: string,
  user: { userId: string; name: string },
  now = Date.now(),
): Promise<Entry[]> {
  const key = keyOf(workspaceId, draftId);
  const fresh = ((await cache.get<Entry[]>(key)) ?? []).filter((e) => now - e.at < presenceTtlSeconds * 1000 && e.userId !== user.userId);
  await cache.set(key, [...fresh, { ...user, at: now }], presenceTtlSeconds);
  return fresh;
}

export async function leave(cache: Cache, workspaceId: string, draftId: string, userId: string): Promise<void> {
  const key = keyOf(workspaceId, draftId);
  const rest = ((await cache.get<Entry[]>(key)) ?? []).filter((e) => e.userId !== userId);
  await cache.set(key, rest, presenceTtlSeconds);
}
