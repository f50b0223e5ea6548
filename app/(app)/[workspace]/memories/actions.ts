"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createMemory } from "@/lib/memory/create-memory";
import { deleteMemory } from "@/lib/memory/delete-memory";
import { cleanupMemories } from "@/lib/memory/maintenance/cleanup-memories";
import { compressMemories } from "@/lib/memory/maintenance/compress-memories";
import { memoryVersionRefSchema } from "@/lib/memory/history/history-schemas";
import { restoreMemoryVersion } from "@/lib/memory/history/restore-memory-version";
import { undoRun } from "@/lib/memory/maintenance/undo-run";
import { actorOf } from "@/lib/memory/memory-access";
import { updateMemoryConfig } from "@/lib/memory/memory-config";
import {
  cleanupRunSchema,
  createMemorySchema,
  maintenanceRunSchema,
  undoRunSchema,
  updateMemoryConfigSchema,
  updateMemorySchema,
} from "@/lib/memory/memory-schemas";
import { updateMemory } from "@/lib/memory/update-memory";
import { updateAiSettingsSchema } from "@/lib/memory/ai/ai-settings";
import { updateAiSettings } from "@/lib/memory/ai/update-ai-settings";
import { latestReembedJob, reembedJobView, resumeReembedJob, resumeReembedSchema } from "@/lib/memory/vectors/reembed-job";
import { workspaceAction } from "@/lib/next/workspace-action";
import { byIdSchema, idSchema } from "@/lib/validation/id-schema";

const refresh = (slug: string) => revalidatePath(`/${slug}/memories`, "layout");

export const createMemoryAction = workspaceAction(
  { permission: "memories.write", schema: createMemorySchema },
  async ({ ctx, db, input }) => {
    const memory = await createMemory(db, actorOf(ctx), input);
    refresh(ctx.workspaceSlug);
    return { id: memory.id };
  },
);

export const updateMemoryAction = workspaceAction(
  { permission: "memories.write", schema: z.object({ id: idSchema, changes: updateMemorySchema }).strict() },
  async ({ ctx, db, input }) => {
    await updateMemory(db, actorOf(ctx), input.id, input.changes);
    refresh(ctx.workspaceSlug);
    return { id: input.id };
  },
);

export const deleteMemoryAction = workspaceAction({ permission: "memories.write", schema: byIdSchema }, async ({ ctx, db, input }) => {
  await deleteMemory(db, actorOf(ctx), input.id);
  refresh(ctx.workspaceSlug);
  return { id: input.id };
});

/** Restores one version as a new version (the detail page's history). */
export const restoreMemoryVersionAction = workspaceAction(
  { permission: "memories.write", schema: memoryVersionRefSchema },
  async ({ ctx, db, input }) => {
    const memory = await restoreMemoryVersion(db, actorOf(ctx), input);
    refresh(ctx.workspaceSlug);
    return { id: memory.id };
  },
);

export const cleanupMemoriesAction = workspaceAction(
  { permission: "memories.write", schema: cleanupRunSchema },
  async ({ ctx, db, input }) => {
    const result = await cleanupMemories(db, actorOf(ctx), input);
    if (!input.dryRun) refresh(ctx.workspaceSlug);
    return result;
  },
);

export const compressMemoriesAction = workspaceAction(
  { permission: "memories.write", schema: maintenanceRunSchema },
  async ({ ctx, db, input }) => {
    const result = await compressMemories(db, actorOf(ctx), input);
    refresh(ctx.workspaceSlug);
    return result;
  },
);

export const undoRunAction = workspaceAction({ permission: "memories.write", schema: undoRunSchema }, async ({ ctx, db, input }) => {
  const result = await undoRun(db, actorOf(ctx), input.batchId);
  refresh(ctx.workspaceSlug);
  return result;
});

export const updateMemoryConfigAction = workspaceAction(
  { permission: "memories.write", schema: updateMemoryConfigSchema },
  async ({ ctx, db, input }) => {
    const config = await updateMemoryConfig(db, actorOf(ctx), input);
    refresh(ctx.workspaceSlug);
    return config;
  },
);

export const updateAiSettingsAction = workspaceAction(
  { permission: "memories.manage", schema: updateAiSettingsSchema },
  async ({ ctx, db, input }) => {
    const settings = await updateAiSettings(db, ctx, input);
    refresh(ctx.workspaceSlug);
    return settings;
  },
);

export const reembedStatusAction = workspaceAction({ permission: "memories.manage", schema: z.object({}).strict() }, async ({ ctx, db }) =>
  reembedJobView(await latestReembedJob(db, ctx.workspaceId)),
);

export const resumeReembedAction = workspaceAction(
  { permission: "memories.manage", schema: resumeReembedSchema },
  async ({ ctx, db, input }) => reembedJobView(await resumeReembedJob(db, ctx, input.jobId)),
);
