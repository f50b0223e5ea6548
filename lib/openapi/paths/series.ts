/** OpenAPI paths of recurring series: list, create, read, update (re-plans), stop, preview. */
import type { PathSpecs } from "../types";

const tags = ["publish-series"];

export const seriesPaths: PathSpecs = {
  "/publish-series": {
    get: {
      summary:
        "Recurring series with their next occurrence and the occurrences the account's cap, spacing or slots shifted or skipped (account-scoped)",
      tags,
      responses: { 200: { description: "series" } },
    },
    post: {
      summary:
        "Create a series (cron in a time zone, default the workspace's). Embedded scheduler: materialises the next 14 days as jobs; QStash: creates a QStash schedule that makes each occurrence when it comes. Occurrences obey the account's rules (shifted to a free slot the same day, or skipped, with the reason)",
      tags,
      responses: { 201: { description: "series and the jobs made" } },
      errors: [404, 422],
    },
  },
  "/publish-series/preview": {
    post: {
      summary: "Next occurrences of a cron in a time zone (default 10)",
      tags,
      responses: { 200: { description: "occurrences (UTC ISO)" } },
    },
  },
  "/publish-series/{id}": {
    get: { summary: "One series", tags, responses: { 200: { description: "series" } }, errors: [404] },
    patch: {
      summary: "Change cron, time zone, note or end; still-scheduled future jobs are canceled and planned again",
      tags,
      responses: { 200: { description: "series, canceled, jobs" } },
      errors: [404, 409, 422],
    },
    delete: {
      summary: "Stop the series, delete its QStash schedule if any, and cancel its still-scheduled future jobs (published ones stay)",
      tags,
      responses: { 200: { description: "series, canceled" } },
      errors: [404],
    },
  },
};
