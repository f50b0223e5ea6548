/** The workspace's topic watchlist (shown with their week-over-week scores on the hot-topics view). */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { topicWatchlist } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { invalidateAnalytics } from "../cache/analytics-cache";

export const watchTopicSchema = z
  .object({
    topic: z
      .string()
      .trim()
      .transform((s) => s.replace(/^#|#$/g, "").trim())
      .pipe(z.string().min(1).max(40)),
  })
  .strict();

export async function addWatchTopic(db: Db, ctx: WorkspaceContext, topic: string) {
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(topicWatchlist)
      .where(and(eq(topicWatchlist.workspaceId, ctx.workspaceId), eq(topicWatchlist.topic, topic)))
      .limit(1);
    if (existing) throw new AppError("CONFLICT", { fieldErrors: { topic: ["Already on the watchlist"] } });
    const id = newId("twl");
    await tx.insert(topicWatchlist).values({ id, workspaceId: ctx.workspaceId, topic, createdBy: ctx.userId });
    await recordAudit(tx, ctx, { action: "competitors.watchlist.add", targetType: "topic", targetId: id, after: { topic } });
  });
  await invalidateAnalytics(ctx.workspaceId);
}

export async function removeWatchTopic(db: Db, ctx: WorkspaceContext, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(topicWatchlist)
      .where(and(eq(topicWatchlist.workspaceId, ctx.workspaceId), eq(topicWatchlist.id, id)))
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND");
    await tx.delete(topicWatchlist).where(eq(topicWatchlist.id, id));
    await recordAudit(tx, ctx, { action: "competitors.watchlist.remove", targetType: "topic", targetId: id, before: { topic: row.topic } });
  });
  await invalidateAnalytics(ctx.workspaceId);
}
