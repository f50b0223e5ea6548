/** OpenAPI paths of notification channels (DingTalk / WeCom robots, SMTP email); secrets are write-only. */
import type { PathSpecs } from "../types";

export const notificationChannelsPaths: PathSpecs = {
  "/notification-channels": {
    get: {
      summary: "List notification channels (secrets never returned: `secretsSet` names the ones stored)",
      tags: ["notifications"],
      responses: { 200: { description: "Channels" } },
    },
    post: {
      summary:
        "Add a channel: kind dingtalk (accessToken, signed, signSecret), wecom (key) or email (host, port, secure, user, password, from, to)",
      tags: ["notifications"],
      responses: { 201: { description: "Created" } },
      errors: [400],
    },
  },
  "/notification-channels/{id}": {
    patch: {
      summary: "Change a channel; an empty or missing secret keeps the stored one",
      tags: ["notifications"],
      responses: { 200: { description: "Updated" } },
      errors: [400, 404],
    },
    delete: { summary: "Delete a channel", tags: ["notifications"], responses: { 204: { description: "Deleted" } }, errors: [404] },
  },
  "/notification-channels/{id}/test": {
    post: {
      summary: "Send a test message; answers { ok } or { ok: false, error } with the channel's own error text",
      tags: ["notifications"],
      responses: { 200: { description: "The result" } },
      errors: [404],
    },
  },
};
