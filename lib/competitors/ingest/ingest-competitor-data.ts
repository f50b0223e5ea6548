/** Ingest for one competitor (REST, the collector): see ingestSubjectData. */
import type { Db } from "@/db/client";
import { ingestSubjectData, type IngestActor, type IngestData } from "./ingest-subject-data";

export function ingestCompetitorData(db: Db, ctx: IngestActor, competitorId: string, data: IngestData, source: string) {
  return ingestSubjectData(db, ctx, { type: "competitor", id: competitorId }, data, source);
}
