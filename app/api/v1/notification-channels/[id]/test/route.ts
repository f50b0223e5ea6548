import { sendTestMessage } from "@/lib/notifications/channels/send-test-message";
import { withWorkspace } from "@/lib/next/with-workspace";

/** 200 either way: `{ ok: false, error }` carries the channel's own error text. */
export const POST = withWorkspace<never, never, { id: string }>(async ({ ctx, db, params }) => sendTestMessage(db, ctx, params.id), {
  permission: "settings.manage",
});
