/** A publish job's statuses, in order (owned by the schema; pure, so client components can list them). */
export { publishJobStatuses, type PublishJobStatus } from "@/db/schema/publish-job-values";
