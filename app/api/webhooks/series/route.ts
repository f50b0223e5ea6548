/** Background job `series` (lib/jobs/registry.ts): signature verified before it runs. */
import { jobRoute } from "@/lib/next/job-route";
import { jobs } from "@/lib/jobs/registry";

export const dynamic = "force-dynamic";

export const POST = jobRoute(jobs.series);
