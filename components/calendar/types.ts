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
};
