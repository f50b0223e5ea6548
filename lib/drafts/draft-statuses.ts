/** The draft workflow's statuses, in order (pure, so client components can list them). */
export const draftStatuses = ["draft", "in_review", "changes_requested", "approved", "scheduled", "published"] as const;
export type DraftStatus = (typeof draftStatuses)[number];
