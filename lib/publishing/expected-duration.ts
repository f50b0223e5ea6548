/**
 * How long a job's publish is expected to take with its account's publisher, for the batch
 * progress view ("about 3 min"): null for publishers that answer at once (webhook, sandbox).
 * Uses only the stored, non-secret settings.
 */
import { getPublisher } from "./publishers/registry";

type Snapshot = { title: string; body: string; topics?: string[]; images?: string[]; video?: string | null };

export function expectedPublishDuration(publisherId: string, publisherConfig: Record<string, unknown>, snapshot: Snapshot): number | null {
  const publisher = getPublisher(publisherId);
  if (!publisher?.timing) return null;
  const config = publisher.configSchema.safeParse(publisherConfig);
  if (!config.success) return null;
  const note = {
    kind: snapshot.video ? ("video" as const) : ("image" as const),
    title: snapshot.title,
    content: snapshot.body,
    tags: snapshot.topics,
    images: snapshot.images,
  };
  return publisher.timing(note, config.data).expectedMs;
}
