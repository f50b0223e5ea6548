import { noteSettingsSchema } from "@/lib/drafts/note-settings";
import { getNoteSettings, saveNoteSettings } from "@/lib/drafts/note-settings-store";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ settings: await getNoteSettings(db, ctx.workspaceId) }), {
  permission: "drafts.read",
});

export const PUT = withWorkspace(async ({ ctx, db, body }) => ({ settings: await saveNoteSettings(db, ctx, body) }), {
  permission: "settings.manage",
  body: noteSettingsSchema,
});
