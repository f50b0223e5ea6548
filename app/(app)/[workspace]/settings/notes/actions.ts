"use server";
import { revalidatePath } from "next/cache";
import { noteSettingsSchema } from "@/lib/drafts/note-settings";
import { saveNoteSettings } from "@/lib/drafts/note-settings-store";
import { workspaceAction } from "@/lib/next/workspace-action";

export const saveNoteSettingsAction = workspaceAction(
  { permission: "settings.manage", schema: noteSettingsSchema },
  async ({ ctx, db, input }) => {
    const settings = await saveNoteSettings(db, ctx, input);
    revalidatePath(`/${ctx.workspaceSlug}/settings/notes`);
    return settings;
  },
);
