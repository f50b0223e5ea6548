/** OpenAPI paths of drafts: CRUD with optimistic concurrency, search, workflow, history, folders. */
import type { PathSpecs } from "../types";

const tags = ["drafts"];

export const draftsPaths: PathSpecs = {
  "/drafts": {
    get: {
      summary: "List drafts (filters, sort, pagination; account-scoped)",
      tags,
      responses: { 200: { description: "items, total, page, pageSize" } },
    },
    post: {
      summary: "Create a draft (editor JSON `doc`, or plain `text`)",
      tags,
      responses: { 201: { description: "Created" } },
      errors: [413],
    },
  },
  "/drafts/search": {
    get: {
      summary: "Full-text search (Chinese substrings); matches marked with U+0001…U+0002",
      tags,
      responses: { 200: { description: "hits" } },
    },
  },
  "/drafts/{id}": {
    get: { summary: "One draft", tags, responses: { 200: { description: "The draft" } }, errors: [404] },
    put: {
      summary: "Save (autosave) with baseVersion; stale -> 409 DRAFT_CONFLICT with error.details.current",
      tags,
      responses: { 200: { description: "Saved; version + 1" } },
      errors: [404, 409, 413],
    },
    delete: {
      summary: "Delete a draft with its revisions and comments (not once scheduled)",
      tags,
      responses: { 204: { description: "Deleted" } },
      errors: [404, 409],
    },
  },
  "/drafts/{id}/submit": {
    post: { summary: "Submit for review", tags, responses: { 200: { description: "in_review" } }, errors: [404, 409] },
  },
  "/drafts/{id}/approve": { post: { summary: "Approve", tags, responses: { 200: { description: "approved" } }, errors: [404, 409] } },
  "/drafts/{id}/request-changes": {
    post: {
      summary: "Request changes (comment required)",
      tags,
      responses: { 200: { description: "changes_requested" } },
      errors: [404, 409],
    },
  },
  "/drafts/{id}/comments": {
    get: { summary: "Comments, oldest first", tags, responses: { 200: { description: "comments" } }, errors: [404] },
    post: { summary: "Add a comment", tags, responses: { 201: { description: "Created" } }, errors: [404] },
  },
  "/drafts/{id}/revisions": {
    get: {
      summary: "Revisions (coalesced per author per minute), newest first",
      tags,
      responses: { 200: { description: "revisions" } },
      errors: [404],
    },
    post: { summary: "Restore a revision (as a new version)", tags, responses: { 200: { description: "Restored" } }, errors: [404, 409] },
  },
  "/drafts/{id}/revisions/{revisionId}": {
    get: {
      summary: "Word diff of a revision against the one before",
      tags,
      responses: { 200: { description: "title and body diffs" } },
      errors: [404],
    },
  },
  "/drafts/{id}/duplicate": {
    post: { summary: "Duplicate once, or once per target account", tags, responses: { 201: { description: "The copies" } }, errors: [404] },
  },
  "/drafts/{id}/folder": {
    put: { summary: "Move the draft into a folder (null: no folder)", tags, responses: { 200: { description: "Moved" } }, errors: [404] },
  },
  "/drafts/{id}/presence": {
    post: {
      summary: "Presence heartbeat; answers who else has the draft open",
      tags,
      responses: { 200: { description: "others" } },
      errors: [404],
    },
    delete: { summary: "Leave the draft", tags, responses: { 200: { description: "Left" } } },
  },
  "/drafts/{id}/review": {
    get: {
      summary: "Checks (errors and warnings) against the workspace's RED rules",
      tags,
      responses: { 200: { description: "checks, targets, needsApproval" } },
      errors: [404],
    },
  },
  "/drafts/{id}/confirm": {
    post: {
      summary: "Confirmation before scheduling: errors block, warnings must be acknowledged",
      tags,
      responses: { 200: { description: "ready" } },
      errors: [404, 422],
    },
  },
  "/draft-folders": {
    get: { summary: "Folders (flat list with parentId)", tags, responses: { 200: { description: "folders" } } },
    post: { summary: "Create a folder", tags, responses: { 201: { description: "Created" } }, errors: [404] },
  },
  "/draft-folders/{id}": {
    patch: {
      summary: "Rename and/or move (into itself or a descendant -> 422)",
      tags,
      responses: { 200: { description: "Updated" } },
      errors: [404, 422],
    },
    delete: {
      summary: "Delete; its drafts and subfolders move to its parent",
      tags,
      responses: { 204: { description: "Deleted" } },
      errors: [404],
    },
  },
  "/note-settings": {
    get: { summary: "The workspace's RED note rules (defaults until saved)", tags, responses: { 200: { description: "settings" } } },
    put: {
      summary: "Save the note rules (limits, bullets, banned words, approval required)",
      tags,
      responses: { 200: { description: "Saved" } },
    },
  },
  "/media": {
    get: { summary: "The workspace's uploaded images, newest first", tags: ["media"], responses: { 200: { description: "media" } } },
    post: {
      summary: "Upload an image (multipart `file`; JPEG/PNG/WebP/GIF by magic bytes, decodable, <= 20 MB; a WebP thumbnail is made)",
      tags: ["media"],
      rawBody: {
        contentType: "multipart/form-data",
        schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } },
        description: "One image in the `file` field",
      },
      responses: { 201: { description: "Stored" } },
      errors: [413, 422],
    },
  },
  "/media/{id}/file": {
    get: {
      summary:
        "The original image bytes (what gets published). With `?expires=&sig=` (a signed URL the publishing bridge receives, valid for one publish window) no session is needed",
      tags: ["media"],
      responses: { 200: { description: "image/*" } },
      errors: [404],
    },
  },
  "/media/{id}/thumb": {
    get: {
      summary: "The 320 px WebP thumbnail made on upload (the original for media uploaded before thumbnails)",
      tags: ["media"],
      responses: { 200: { description: "image/webp" } },
      errors: [404],
    },
  },
  "/notifications": {
    get: {
      summary: "The caller's in-app notifications, newest first (`?unread=1`, `?limit=` up to 100), with `unreadCount`",
      tags: ["notifications"],
      responses: { 200: { description: "notifications" } },
    },
    post: { summary: "Mark all as read", tags: ["notifications"], responses: { 200: { description: "Done" } } },
  },
  "/notifications/{id}/read": {
    post: { summary: "Mark one notification as read", tags: ["notifications"], responses: { 200: { description: "Done" } }, errors: [404] },
  },
};
