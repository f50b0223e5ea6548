import { z } from "zod";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "@/lib/notifications/notifications";
import { withWorkspace } from "@/lib/next/with-workspace";

const querySchema = z.object({ unread: z.enum(["1", "0"]).optional(), limit: z.coerce.number().int().min(1).max(100).optional() }).strict();

/** The caller's notifications, newest first, with how many are unread in all. */
export const GET = withWorkspace(
  async ({ ctx, db, query }) => {
    const [notifications, unreadCount] = await Promise.all([
      listNotifications(db, ctx.workspaceId, ctx.userId, { unreadOnly: query.unread === "1", limit: query.limit }),
      countUnreadNotifications(db, ctx.workspaceId, ctx.userId),
    ]);
    return { notifications, unreadCount };
  },
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
