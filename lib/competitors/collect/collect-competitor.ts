/** "Collect now" for one competitor through the data bridge (its profile needs the xsec token). */
import type { Db } from "@/db/client";
import { requireCompetitor } from "../queries/competitor-queries";
import { AppError } from "@/lib/errors/app-error";
import type { IngestActor } from "../ingest/ingest-subject-data";
import { collectProfile, type CollectOptions, type CollectSummary } from "./collect-profile";
import type { DataBridgeClient } from "./data-bridge-client";
import { guardCollectNow } from "./guard-collect-now";

export type { CollectSummary } from "./collect-profile";

/** skipRateLimit: scheduled runs pace themselves; the limit guards people clicking "collect now". */
export async function collectCompetitor(
  db: Db,
  ctx: IngestActor,
  competitorId: string,
  client: DataBridgeClient,
  o: CollectOptions & { skipRateLimit?: boolean } = {},
): Promise<CollectSummary> {
  const competitor = await requireCompetitor(db, ctx.workspaceId, competitorId);
  const xsecToken = competitor.xsecToken;
  if (!xsecToken)
    throw new AppError("UNPROCESSABLE", {
      fieldErrors: { xsecToken: ["The bridge needs the competitor's xsec_token (copy it from the profile link)"] },
    });
  if (!o.skipRateLimit) await guardCollectNow(ctx.workspaceId);
  return collectProfile(
    db,
    ctx,
    { type: "competitor", id: competitor.id },
    "bridge_profile",
    client,
    () => client.userProfile(competitor.redUserId, xsecToken),
    o,
  );
}
