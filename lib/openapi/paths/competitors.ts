/** OpenAPI paths of competitor monitoring: competitors CRUD and time-series ingest for own collectors. */
import type { PathSpecs } from "../types";

const tags = ["competitors"];
const exportFile = {
  contentType: "application/octet-stream",
  schema: { type: "string", format: "binary" },
  description: "The MediaCrawler export file (CSV or JSON, UTF-8 or GBK, ≤ 50 MB)",
};

export const competitorsPaths: PathSpecs = {
  "/competitors": {
    get: { summary: "List tracked competitors", tags, responses: { 200: { description: "Competitors (xsec tokens are never returned)" } } },
    post: {
      summary: "Track a competitor (RED user id unique per workspace)",
      tags,
      responses: { 201: { description: "Created" } },
      errors: [409],
    },
  },
  "/competitors/{id}": {
    get: { summary: "One competitor", tags, responses: { 200: { description: "The competitor" } }, errors: [404] },
    patch: { summary: "Edit a competitor", tags, responses: { 200: { description: "Updated" } }, errors: [404, 409] },
    delete: {
      summary: "Stop tracking and delete the competitor's history",
      tags,
      responses: { 204: { description: "Deleted" } },
      errors: [404],
    },
  },
  "/competitors/{id}/snapshots": {
    post: {
      summary:
        'Append profile snapshots (followers, following, likes+collects, note count). Counts may be numbers or RED strings like "1.7万"; the same takenAt twice is ignored',
      tags,
      responses: { 201: { description: "Ingest result: snapshotsAdded" } },
      errors: [404],
    },
  },
  "/competitors/{id}/notes": {
    post: {
      summary:
        "Upsert notes with a snapshot of their counts (likes, collects, comments, shares, views). Dedupes by noteId; the same takenAt twice is ignored",
      tags,
      responses: { 201: { description: "Ingest result: notesCreated, notesUpdated, noteSnapshotsAdded, viralAlerts" } },
      errors: [404],
    },
  },
  "/competitor-imports/preview": {
    post: {
      summary:
        "Preview a MediaCrawler export (body: the CSV or JSON file, UTF-8 or GBK, ≤ 50 MB): kind, column mapping, sample rows, row errors, authors. Stores nothing",
      tags,
      rawBody: exportFile,
      responses: { 200: { description: "The preview" } },
      errors: [413, 422],
    },
  },
  "/competitor-imports": {
    post: {
      summary:
        "Import a MediaCrawler notes, comments or creators export (body: the file). Idempotent: notes dedupe by note_id. Pass runId to poll progress",
      tags,
      rawBody: exportFile,
      responses: { 201: { description: "The finished run with its per-row error report" } },
      errors: [404, 409, 413, 422],
    },
  },
  "/competitor-reports/csv": {
    get: {
      summary: "The competitor report for ?from=&to= (optional subjects) as CSV: UTF-8 with BOM for Excel, formula cells neutralised",
      tags,
      responses: { 200: { description: "text/csv attachment" } },
    },
  },
  "/competitor-imports/{id}": {
    get: { summary: "Progress and error report of an import run", tags, responses: { 200: { description: "The run" } }, errors: [404] },
  },
};
