/** OpenAPI paths of the account matrix: accounts, bulk actions, connection checks, publishers. */
import type { PathSpecs } from "../types";

const secretsNote = "Publisher secret fields (token, secret) are write-only: answers only list which are set (`publisher.secretsSet`).";

export const accountPaths: PathSpecs = {
  "/accounts": {
    get: {
      summary: "List and filter the RED accounts visible to the caller (the matrix)",
      tags: ["accounts"],
      responses: {
        200: {
          description: `accounts (each with stats: followers, postsThisWeek, nextScheduledAt, lastPublish, failures7d), total, facets. ${secretsNote}`,
        },
      },
    },
    post: {
      summary: "Add a RED account with its publisher settings",
      tags: ["accounts"],
      responses: { 201: { description: `Created. ${secretsNote}` } },
      errors: [409],
    },
  },
  "/accounts/options": {
    get: {
      summary: "The accounts the caller can see, as id/name options (the header's account switcher)",
      tags: ["accounts"],
      responses: { 200: { description: "accounts" } },
    },
  },
  "/accounts/{id}": {
    get: {
      summary: "One account (archived ones too)",
      tags: ["accounts"],
      responses: { 200: { description: "The account" } },
      errors: [404],
    },
    patch: {
      summary: "Edit fields, pause / resume (status), or archive (archived: true, on its own)",
      tags: ["accounts"],
      responses: { 200: { description: "Updated" } },
      errors: [404, 409],
    },
  },
  "/accounts/{id}/check-connection": {
    post: {
      summary: "Test the account's publisher connection; logged out -> needs_login",
      tags: ["accounts"],
      responses: { 200: { description: "ok, loggedIn, message, status" } },
      errors: [404],
    },
  },
  "/accounts/bulk": {
    post: {
      summary: "Bulk action on selected accounts, one result per account",
      tags: ["accounts"],
      responses: { 200: { description: "results[]" } },
      errors: [404, 422],
    },
  },
  "/accounts/import": {
    post: {
      summary:
        "Import accounts from CSV (all or nothing; dryRun to check). Columns: name, redId, groups|, tags|, bio, personaNotes, timezone, dailyPostCap, minSpacingMinutes, postingSlots|, avatarUrl",
      tags: ["accounts"],
      responses: { 200: { description: "Checked (dry run)" }, 201: { description: "Imported" } },
    },
  },
  "/publishers": {
    get: {
      summary: "Available publishers and their settings fields",
      tags: ["accounts"],
      responses: { 200: { description: "publishers[]" } },
    },
  },
};
