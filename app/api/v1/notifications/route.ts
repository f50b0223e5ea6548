import { z } from "zod";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/notifications";
import { withWorkspace } from "@/lib/next/with-workspace";

const querySchema = z.object({ unread: z.enum(["1", "0"]).optional() }).strict();

export const GET = withWorkspace(
  async ({ ctx, db, query }) => ({ notifications: await listNotifications(db, ctx.workspaceId, ctx.userId, { unreadOnly: query.unread === "1" }) }),
  { permission: null, query: querySchema },
);

/** Marks every notification of the caller as read. */
export const POST = withWorkspace(
  async ({ ctx, db }) => {
    await markNotificationsRead(db, ctx.workspaceId, ctx.userId);
    return { ok: true };
  },
  { permission: null },
);
