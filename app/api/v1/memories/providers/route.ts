import { updateAiSettingsSchema } from "@/lib/memory/ai/ai-settings";
import { getAiSettings, updateAiSettings } from "@/lib/memory/ai/update-ai-settings";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => getAiSettings(db, ctx.workspaceId), { permission: "memories.manage" });

export const PUT = withWorkspace(async ({ ctx, db, body }) => updateAiSettings(db, ctx, body), {
  permission: "memories.manage",
  body: updateAiSettingsSchema,
});
