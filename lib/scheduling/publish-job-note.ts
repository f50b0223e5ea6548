/** The bridge between a publish job and the account's publisher plugin (lib/publishing). */
import type { Db } from "@/db/client";
import type { PublishJob } from "@/db/schema";
import { publishThroughPublisher } from "@/lib/publishing/publish-to-account";
import type { PublishNote } from "@/lib/publishing/publishers/types";
import type { PublishFn, PublishOutcome } from "./publish-outcome";

export function noteFromJob(job: PublishJob): PublishNote {
  const { snapshot } = job;
  return snapshot.video
    ? { kind: "video", title: snapshot.title, content: snapshot.body, video: snapshot.video, tags: snapshot.topics, idempotencyKey: job.id }
    : {
        kind: "image",
        title: snapshot.title,
        content: snapshot.body,
        images: snapshot.images,
        tags: snapshot.topics,
        idempotencyKey: job.id,
      };
}

export function publishThroughAccount(db: Db): PublishFn {
  return async (job): Promise<PublishOutcome> => {
    // runPublishJob audits the outcome in the same transaction that records it: one write fewer per job.
    const outcome = await publishThroughPublisher(db, { workspaceId: job.workspaceId, accountId: job.accountId }, noteFromJob(job));
    switch (outcome.status) {
      case "published":
        return { kind: "published", remoteId: outcome.remoteId ?? undefined, url: outcome.url ?? undefined, record: outcome.record };
      case "rejected":
        return { kind: "rejected", code: outcome.code ?? "PUBLISH_REJECTED", reason: outcome.reason };
      case "retryable":
        return { kind: "retryable", code: outcome.code ?? "PUBLISH_RETRYABLE", reason: outcome.reason };
      case "unknown":
        return { kind: "unknown", code: outcome.code ?? "OUTCOME_UNKNOWN", reason: outcome.reason };
    }
  };
}
