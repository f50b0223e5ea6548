/** The draft workflow's statuses, in order (owned by the schema; pure, so client components can list them). */
export { draftStatuses, type DraftStatus } from "@/db/schema/draft-values";
