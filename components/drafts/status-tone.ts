/** Badge tone per draft status, shared by the list and the editor. */
export const statusTone = {
  draft: "gray",
  in_review: "amber",
  changes_requested: "red",
  approved: "green",
  scheduled: "brand",
  published: "brand",
} as const;
