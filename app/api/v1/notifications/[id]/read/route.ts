import { AppError } from "@/lib/errors/app-error";
import { markNotificationRead } from "@/lib/notifications/notifications";
import { withWorkspace } from "@/lib/next/with-workspace";

/** Marks one of the caller's notifications as read (someone else's answers 404). */
export const POST = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    if (!(await markNotificationRead(db, ctx.workspaceId, ctx.userId, params.id))) throw new AppError("NOT_FOUND");
    return { ok: true };
  },
  { permission: null },
);
