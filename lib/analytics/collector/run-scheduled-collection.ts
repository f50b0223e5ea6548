/**
 * A scheduled collection run (called by the signed webhook): every competitor of the workspace
 * that has an xsec token (or the listed ones), one after another, through the bridge. One
 * failure does not stop the run; each competitor's outcome lands in its collection status.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import { listCompetitors } from "@/lib/competitors/competitor-queries";
import { toAppError } from "@/lib/errors/app-error";
import { collectCompetitor } from "./collect-competitor";
import type { DataBridgeClient } from "./data-bridge-client";

export const collectionWebhookSchema = z
  .object({ workspaceId: z.string().min(1).max(64), competitorIds: z.array(z.string().min(1).max(64)).max(500).optional() })
  .strict();

export async function runScheduledCollection(db: Db, input: z.infer<typeof collectionWebhookSchema>, client: DataBridgeClient, o: { pauseMs?: number } = {}) {
  const actor = { workspaceId: input.workspaceId, userId: "system:collector", userName: "定时采集 / scheduled collection" };
  const targets = (await listCompetitors(db, input.workspaceId)).filter((c) => c.xsecToken && (!input.competitorIds || input.competitorIds.includes(c.id)));
  const results: { competitorId: string; ok: boolean; notes?: number; error?: string }[] = [];
  for (const c of targets) {
    try {
      const summary = await collectCompetitor(db, actor, c.id, client, { skipRateLimit: true });
      results.push({ competitorId: c.id, ok: true, notes: summary.notesIngested });
    } catch (error) {
      results.push({ competitorId: c.id, ok: false, error: toAppError(error).code });
    }
    // Gentle with RED: a logged-in session that reads profiles back to back gets throttled.
    if (o.pauseMs) await new Promise((r) => setTimeout(r, o.pauseMs));
  }
  return { competitors: targets.length, succeeded: results.filter((r) => r.ok).length, results };
}
