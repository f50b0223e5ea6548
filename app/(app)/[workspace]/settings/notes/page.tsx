import { getDb } from "@/lib/database";
import { NoteSettingsForm } from "@/components/settings/note-settings-form";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/context";
import { getNoteSettings } from "@/lib/drafts/note-settings-store";
import { requirePageContext } from "@/lib/next/session-context";
import { saveNoteSettingsAction } from "./actions";

export const metadata = { title: "Note rules" };

export default async function NoteSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "settings.manage")) return <Forbidden />;
  const settings = await getNoteSettings(getDb(), ctx.workspaceId);
  return <NoteSettingsForm slug={ctx.workspaceSlug} initial={settings} action={saveNoteSettingsAction} />;
}
