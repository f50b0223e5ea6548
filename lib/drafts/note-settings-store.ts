/** Reads and saves a workspace's RED note rules; a workspace that never saved them gets the defaults. */
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { workspaceNoteSettings } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { defaultNoteSettings, type NoteSettings } from "./note-settings";

export async function getNoteSettings(db: DbOrTx, workspaceId: string): Promise<NoteSettings> {
  const [row] = await db.select().from(workspaceNoteSettings).where(eq(workspaceNoteSettings.workspaceId, workspaceId)).limit(1);
  if (!row) return { ...defaultNoteSettings };
  const { workspaceId: _w, updatedAt: _u, ...settings } = row;
  return settings;
}

export async function saveNoteSettings(db: Db, ctx: WorkspaceContext, settings: NoteSettings): Promise<NoteSettings> {
  return db.transaction(async (tx) => {
    const before = await getNoteSettings(tx, ctx.workspaceId);
    await tx
      .insert(workspaceNoteSettings)
      .values({ workspaceId: ctx.workspaceId, ...settings })
      .onConflictDoUpdate({ target: workspaceNoteSettings.workspaceId, set: { ...settings, updatedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: "note_settings.update",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before,
      after: settings,
    });
    return settings;
  });
}
