import { withWorkspace } from "@/lib/next/with-workspace";
import { getBatch } from "@/lib/scheduling/batch-progress";

export const GET = withWorkspace<never, never, { id: string }>(async ({ ctx, db, params }) => getBatch(db, ctx, params.id), {
  permission: "schedules.read",
});
