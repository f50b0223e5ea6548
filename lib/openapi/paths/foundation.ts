/** OpenAPI paths of the foundation: who am I, members, tokens, audit (accounts: ./accounts.ts). */
import type { PathSpecs } from "../types";

export const foundationPaths: PathSpecs = {
  "/me": {
    get: { summary: "The caller: user, workspace, role, permissions", tags: ["auth"], responses: { 200: { description: "The caller" } } },
  },
  "/members": {
    get: { summary: "List members with their account grants", tags: ["members"], responses: { 200: { description: "Members" } } },
    post: {
      summary: "Add a member (initial password) or invite one (link valid 7 days)",
      tags: ["members"],
      responses: { 201: { description: "Created; the password or invite token is shown once" } },
      errors: [409],
    },
  },
  "/members/{id}": {
    patch: {
      summary: "Change role, status (deactivate) or account grants",
      tags: ["members"],
      responses: { 200: { description: "Updated" } },
      errors: [404, 409, 422],
    },
  },
  "/tokens": {
    get: { summary: "List API tokens (never the secrets)", tags: ["tokens"], responses: { 200: { description: "Tokens" } } },
    post: {
      summary: "Create an API token with a subset of your permissions",
      tags: ["tokens"],
      responses: { 201: { description: "Created; the token is shown once" } },
    },
  },
  "/tokens/{id}": {
    delete: { summary: "Revoke a token", tags: ["tokens"], responses: { 204: { description: "Revoked" } }, errors: [404] },
  },
  "/audit": {
    get: {
      summary: "Audit events, newest first, keyset-paginated",
      tags: ["audit"],
      responses: { 200: { description: "Events and nextCursor" } },
    },
  },
  "/audit/export": {
    get: { summary: "Audit events as CSV (formula cells neutralised)", tags: ["audit"], responses: { 200: { description: "text/csv" } } },
  },
};
