/** Background job `competitorReport` (lib/jobs/registry.ts): signature verified before it runs. */
import { jobRoute } from "@/lib/next/job-route";
import { jobs } from "@/lib/jobs/registry";

export const maxDuration = 300;

export const POST = jobRoute(jobs.competitorReport);
