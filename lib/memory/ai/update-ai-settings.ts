/**
 * Reading and changing a workspace's memory providers. A change of embedding space (provider,
 * base URL, model or dimension) starts a re-embedding job in the same transaction; going back to
 * the active space cancels a running job instead.
 */
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memoryReembedJobs } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { latestReembedJob, reembedJobView, startReembedJob } from "../vectors/reembed-job";
import { sameSpace, vectorSpaceOf } from "../vectors/vector-space";
import { releaseUnusedSpaces } from "../vectors/vector-store";
import { aiSettingsView, loadAiSettings, saveAiSettings, updateAiSettingsSchema, type UpdateAiSettingsInput } from "./ai-settings";

export async function getAiSettings(db: DbOrTx, workspaceId: string) {
  return { ...aiSettingsView(await loadAiSettings(db, workspaceId)), job: reembedJobView(await latestReembedJob(db, workspaceId)) };
}
export type AiSettingsWithJob = Awaited<ReturnType<typeof getAiSettings>>;

export async function updateAiSettings(db: Db, ctx: WorkspaceContext, raw: UpdateAiSettingsInput): Promise<AiSettingsWithJob> {
  const input = updateAiSettingsSchema.parse(raw);
  const saved = await db.transaction(async (tx) => {
    const { row, embeddingChanged } = await saveAiSettings(tx, ctx, input);
    if (!embeddingChanged) return null;
    if (!sameSpace(row.embedding, row.activeEmbedding)) await startReembedJob(tx, ctx.workspaceId, row.embedding);
    else {
      await tx
        .update(memoryReembedJobs)
        .set({ status: "cancelled", finishedAt: new Date(), lastError: "back to the active embedding settings" })
        .where(and(eq(memoryReembedJobs.workspaceId, ctx.workspaceId), eq(memoryReembedJobs.status, "running")));
    }
    return row;
  });
  // The partial vectors of a superseded or abandoned job go; the active and the wanted space stay.
  if (saved) await releaseUnusedSpaces(db, ctx.workspaceId, [vectorSpaceOf(saved.activeEmbedding), vectorSpaceOf(saved.embedding)]);
  return getAiSettings(db, ctx.workspaceId);
}
