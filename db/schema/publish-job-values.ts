/** A publish job's statuses, owned by the schema; imports nothing, so client code may list them (through lib/scheduling/job-statuses.ts). */
export const publishJobStatuses = ["scheduled", "publishing", "published", "failed", "unconfirmed", "canceled"] as const;
export type PublishJobStatus = (typeof publishJobStatuses)[number];
