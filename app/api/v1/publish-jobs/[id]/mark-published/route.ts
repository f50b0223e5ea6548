import { z } from "zod";
import { withWorkspace } from "@/lib/next/with-workspace";
import { markJobPublished } from "@/lib/scheduling/job-actions";
import { webUrlSchema } from "@/lib/validation/web-url";

const body = z.object({ url: webUrlSchema() }).strict();

export const POST = withWorkspace<typeof body, never, { id: string }>(
  async ({ ctx, db, body, params }) => ({ job: await markJobPublished(db, ctx, { jobId: params.id, url: body.url }) }),
  {
    permission: "schedules.write",
    body,
  },
);
