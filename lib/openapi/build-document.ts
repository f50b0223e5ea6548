/**
 * Builds the OpenAPI 3.1 document served at /api/v1/openapi.json from each domain's path
 * specs; request schemas come from the same zod schemas the routes validate with.
 */
import { z } from "zod";
import { accountPaths } from "./paths/accounts";
import { competitorsPaths } from "./paths/competitors";
import { draftsPaths } from "./paths/drafts";
import { foundationPaths } from "./paths/foundation";
import { memoriesPaths } from "./paths/memories";
import { notificationChannelsPaths } from "./paths/notification-channels";
import { seriesPaths } from "./paths/series";
import type { OperationSpec, PathSpecs } from "./types";

const allPaths: PathSpecs[] = [foundationPaths, accountPaths, competitorsPaths, draftsPaths, memoriesPaths, seriesPaths, notificationChannelsPaths];

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "suggestion"],
      properties: {
        code: { type: "string" },
        message: { type: "string", description: "In the request's language (Accept-Language or NEXT_LOCALE)" },
        suggestion: { type: "string" },
        requestId: { type: "string" },
        messages: { type: "object", properties: { "zh-CN": { type: "string" }, en: { type: "string" } } },
        fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      },
    },
  },
};

const errorText: Record<number, string> = {
  400: "Malformed JSON, wrong types or unknown fields",
  401: "No valid session or API token",
  403: "Missing permission",
  404: "Not found (or not visible to the caller)",
  409: "Conflict with the current state",
  413: "Body over 1 MB",
  422: "Valid shape, but a business rule refuses it",
  429: "Rate limited",
};

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
}

function operation(path: string, method: string, spec: OperationSpec) {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const query = spec.query ? jsonSchema(spec.query) : null;
  const queryParams = query && "properties" in query
    ? Object.entries(query.properties as Record<string, object>).map(([name, schema]) => ({ name, in: "query", required: false, schema }))
    : [];
  const responses: Record<string, object> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    responses[status] = { description: r.description, ...(r.schema ? { content: { "application/json": { schema: jsonSchema(r.schema) } } } : {}) };
  }
  for (const status of [400, 401, 403, ...(spec.errors ?? [])]) {
    responses[status] = { description: errorText[status] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return {
    summary: spec.summary,
    tags: spec.tags,
    operationId: `${method}${path.replace(/[^a-zA-Z0-9]+/g, "_")}`,
    description: spec.permission ? `Requires \`${spec.permission}\`.` : "Any active member.",
    parameters: [...params, ...queryParams],
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body) } } } } : {}),
    responses,
  };
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const group of allPaths) {
    for (const [path, methods] of Object.entries(group)) {
      for (const [method, spec] of Object.entries(methods)) (paths[path] ??= {})[method] = operation(path, method, spec!);
    }
  }
  return {
    openapi: "3.1.0",
    info: { title: "RedMatrix API", version: "1", description: "小红书矩阵运营平台 REST API. Authenticate with a session cookie or `Authorization: Bearer rmx_…`." },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: { Error: errorSchema } },
    paths,
  };
}
