/** OpenAPI paths of scheduling: plan and schedule a draft to accounts, then follow, move, retry or cancel its jobs. */
import type { PathSpecs } from "../types";

const tags = ["scheduling"];

export const schedulingPaths: PathSpecs = {
  "/drafts/{id}/schedule/preview": {
    post: {
      summary:
        "Plan a draft going out to several accounts (now or runAt, optionally staggered): each account's time, posting-rule violations with the next free slot, and a warning when near-identical copies would go out close together. Creates nothing",
      tags,
      responses: { 200: { description: "timezone, jobs (accountId, accountName, runAt, violations, nextFreeSlot, blocked), warnings" } },
      errors: [404, 422],
    },
  },
  "/drafts/{id}/schedule": {
    post: {
      summary:
        "Schedule an approved draft to the accounts, all or nothing, under one batch id. Warnings must be listed in acknowledged (else 422 SCHEDULE_BLOCKED); any account's rule violation refuses the whole plan. The same batchKey twice answers with the first batch",
      tags,
      responses: { 201: { description: "batchId and the jobs made" } },
      errors: [404, 409, 422],
    },
  },
  "/publish-batches/{id}": {
    get: {
      summary: "A batch's jobs with per-status counts (live progress of a multi-account schedule)",
      tags,
      responses: { 200: { description: "batchId, title, jobs, counts, done, total" } },
      errors: [404],
    },
  },
  "/publish-batches/{id}/retry": {
    post: {
      summary: "Retry every failed job of the batch",
      tags,
      responses: { 200: { description: "retried (how many)" } },
      errors: [404, 409],
    },
  },
  "/publish-jobs/{id}": {
    patch: {
      summary: "Move a job to another time (drag on the calendar); deliveries already on their way for the old time do nothing",
      tags,
      responses: { 200: { description: "job" } },
      errors: [404, 409, 422],
    },
    delete: { summary: "Cancel a scheduled job", tags, responses: { 200: { description: "job (canceled)" } }, errors: [404, 409] },
  },
  "/publish-jobs/{id}/retry": {
    post: { summary: "Retry a failed or unconfirmed job", tags, responses: { 200: { description: "job" } }, errors: [404, 409] },
  },
  "/publish-jobs/{id}/mark-published": {
    post: {
      summary: "Record that the note is in fact live on RED, with its URL (e.g. after a manual post)",
      tags,
      responses: { 200: { description: "job (published)" } },
      errors: [404, 409],
    },
  },
};
