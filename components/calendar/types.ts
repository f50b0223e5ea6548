/** The calendar's view of a job, as sent to the browser (dates as ISO strings). */
export type JobView = {
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  runAt: string;
  status: "scheduled" | "publishing" | "published" | "failed" | "unconfirmed" | "canceled";
  attempts: number;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  remoteUrl: string | null;
  /** How long publishing is expected to take (batch progress; the bridge types like a person). */
  expectedMs?: number | null;
};

/** Per-day totals of the month view (computed on the server, in the workspace zone). */
export type DayCountsView = { total: number; byStatus: Partial<Record<JobView["status"], number>>; byAccount: Record<string, number> };
