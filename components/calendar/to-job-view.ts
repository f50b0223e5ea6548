import type { CalendarJob } from "@/lib/scheduling/job-queries";
import type { JobView } from "./types";

export function toJobView(job: CalendarJob): JobView {
  return { ...job, runAt: job.runAt.toISOString() };
}
