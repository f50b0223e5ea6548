/**
 * The OpenAPI document against the route files on disk: every handler exported by an
 * `app/api/v1/**\/route.ts` is documented and nothing else is, each with its prose, and the
 * permission, query and JSON body the document shows are the ones the route enforces.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/app/api/v1/openapi.json/api-operations";
import { documentedSchema } from "@/lib/openapi/build-document";
import { describedOperations } from "@/lib/openapi/operation-specs";
import { apiRoutes, type ApiRoute } from "../support/api-routes";

/** The document's own route: public, and not an operation of the API it describes. */
const documentRoute = "GET /openapi.json";

type Operation = {
  "x-permission": string | null;
  parameters: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
};

describe("OpenAPI document coverage", () => {
  const doc = openApiDocument("http://localhost:3000");
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  const operation = (route: ApiRoute) => doc.paths[route.path]?.[route.method.toLowerCase()] as Operation | undefined;
  let routes: ApiRoute[] = [];
  beforeAll(async () => {
    routes = (await apiRoutes()).filter((r) => r.id !== documentRoute);
  }, 60_000);

  it("finds the route files (the enumeration itself works)", () => {
    expect(routes.length).toBeGreaterThan(90);
    expect(routes.map((r) => r.id)).toContain("POST /drafts/{id}/schedule");
  });

  it("documents every exported handler of every route file, and nothing else", () => {
    const onDisk = routes.map((r) => r.id);
    const missing = onDisk.filter((id) => !documented.includes(id));
    const extra = documented.filter((id) => !onDisk.includes(id));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("every route but the document itself goes through withWorkspace", () => {
    expect(routes.filter((r) => !r.handler.declaration).map((r) => r.id)).toEqual([]);
  });

  it("has prose for every operation, and none for an operation that does not exist", () => {
    const onDisk = routes.map((r) => r.id);
    const described = describedOperations();
    expect({
      withoutProse: onDisk.filter((id) => !described.includes(id)),
      proseWithoutRoute: described.filter((id) => !onDisk.includes(id)),
    }).toEqual({ withoutProse: [], proseWithoutRoute: [] });
  });

  it("shows the permission, query parameters and JSON body each route enforces", () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const op = operation(route);
      const declared = route.handler.declaration;
      if (!op || !declared) continue; // reported above
      if (op["x-permission"] !== declared.permission) wrong.push(`${route.id}: permission ${op["x-permission"]} vs ${declared.permission}`);
      const queryNames = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
      const declaredQuery = declared.query
        ? Object.keys((documentedSchema(declared.query) as { properties?: object }).properties ?? {})
        : [];
      if (JSON.stringify(queryNames) !== JSON.stringify(declaredQuery)) wrong.push(`${route.id}: query ${queryNames} vs ${declaredQuery}`);
      const body = op.requestBody?.content["application/json"]?.schema;
      const declaredBody = declared.body ? documentedSchema(declared.body) : undefined;
      if (JSON.stringify(body) !== JSON.stringify(declaredBody)) wrong.push(`${route.id}: JSON body differs from the route's zod schema`);
    }
    expect(wrong).toEqual([]);
  });
});
