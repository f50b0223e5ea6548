import { resumeReembedJob, resumeReembedSchema, reembedJobView } from "@/lib/memory/vectors/reembed-job";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace(async ({ ctx, db, body }) => ({ job: reembedJobView(await resumeReembedJob(db, ctx, body.jobId)) }), {
  permission: "memories.manage",
  body: resumeReembedSchema,
});
