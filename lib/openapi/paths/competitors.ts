/** OpenAPI paths of competitor monitoring: competitors CRUD and time-series ingest for own collectors. */
import { notesBodySchema, snapshotsBodySchema } from "@/lib/analytics/ingest/ingest-schemas";
import { createCompetitorSchema, listCompetitorsQuerySchema, updateCompetitorSchema } from "@/lib/competitors/competitor-schemas";
import type { PathSpecs } from "../types";

const tags = ["competitors"];

export const competitorsPaths: PathSpecs = {
  "/competitors": {
    get: { summary: "List tracked competitors", tags, permission: "competitors.read", query: listCompetitorsQuerySchema, responses: { 200: { description: "Competitors (xsec tokens are never returned)" } } },
    post: { summary: "Track a competitor (RED user id unique per workspace)", tags, permission: "competitors.manage", body: createCompetitorSchema, responses: { 201: { description: "Created" } }, errors: [409] },
  },
  "/competitors/{id}": {
    get: { summary: "One competitor", tags, permission: "competitors.read", responses: { 200: { description: "The competitor" } }, errors: [404] },
    patch: { summary: "Edit a competitor", tags, permission: "competitors.manage", body: updateCompetitorSchema, responses: { 200: { description: "Updated" } }, errors: [404, 409] },
    delete: { summary: "Stop tracking and delete the competitor's history", tags, permission: "competitors.manage", responses: { 204: { description: "Deleted" } }, errors: [404] },
  },
  "/competitors/{id}/snapshots": {
    post: {
      summary: "Append profile snapshots (followers, following, likes+collects, note count). Counts may be numbers or RED strings like \"1.7万\"; the same takenAt twice is ignored",
      tags, permission: "competitors.manage", body: snapshotsBodySchema, responses: { 201: { description: "Ingest result: snapshotsAdded" } }, errors: [404],
    },
  },
  "/competitors/{id}/notes": {
    post: {
      summary: "Upsert notes with a snapshot of their counts (likes, collects, comments, shares, views). Dedupes by noteId; the same takenAt twice is ignored",
      tags, permission: "competitors.manage", body: notesBodySchema, responses: { 201: { description: "Ingest result: notesCreated, notesUpdated, noteSnapshotsAdded, viralAlerts" } }, errors: [404],
    },
  },
};
