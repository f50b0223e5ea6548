/**
 * Builds the OpenAPI 3.1 document served at /api/v1/openapi.json. Generated, not written: the
 * operations are the handlers the route modules export, and each one's permission (`x-permission`),
 * query parameters and JSON body come from the declaration `withWorkspace` attached to it, i.e.
 * the very zod schemas and permission the route enforces. Only the prose (summary, tags, answers,
 * extra error statuses) is written by hand, per domain in ./paths. Generation was chosen over a
 * hand-kept document checked by a test because it leaves one source of truth without touching
 * the route files; tests/unit/openapi-coverage.test.ts still checks the document against the
 * route files on disk and that every operation has its prose.
 */
import { z } from "zod";
import { errorResponses, errorSchema } from "./error-envelope";
import { findOperationSpec } from "./operation-specs";
import type { ApiOperation } from "./types";

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
}

/** The JSON schema the document gives a zod schema (tests compare bodies with it). */
export const documentedSchema = jsonSchema;

function queryParameters(query: z.ZodType | undefined) {
  if (!query) return [];
  const schema = jsonSchema(query) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: Boolean(schema.required?.includes(name)),
    schema: s,
  }));
}

function operation({ method, path, declaration }: ApiOperation) {
  const spec = findOperationSpec(path, method);
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const responses: Record<string, object> = {};
  for (const [status, r] of Object.entries(spec?.responses ?? { 200: { description: "OK" } })) {
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { "application/json": { schema: jsonSchema(r.schema) } } } : {}),
    };
  }
  Object.assign(responses, errorResponses([400, 401, 403, ...(spec?.errors ?? [])]));
  const requestBody = declaration.body
    ? { required: true, content: { "application/json": { schema: jsonSchema(declaration.body) } } }
    : spec?.rawBody
      ? { required: true, description: spec.rawBody.description, content: { [spec.rawBody.contentType]: { schema: spec.rawBody.schema } } }
      : null;
  return {
    summary: spec?.summary ?? `${method} ${path}`,
    tags: spec?.tags ?? [path.split("/")[1]],
    operationId: `${method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+/g, "_")}`,
    description: declaration.permission ? `Requires \`${declaration.permission}\`.` : "Any active member.",
    "x-permission": declaration.permission,
    parameters: [...params, ...queryParameters(declaration.query)],
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

export function buildOpenApiDocument(serverUrl: string, operations: ApiOperation[]) {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "RedMatrix API",
      version: "1",
      description: "小红书矩阵运营平台 REST API. Authenticate with a session cookie or `Authorization: Bearer rmx_…`.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: { Error: errorSchema } },
    paths,
  };
}
