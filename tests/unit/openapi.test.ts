import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");

  it("documents every route with its permission and the error envelope", () => {
    expect(doc.openapi).toBe("3.1.0");
    const ops = Object.values(doc.paths).flatMap((methods) => Object.values(methods)) as { description: string; responses: Record<string, unknown> }[];
    expect(ops.length).toBeGreaterThanOrEqual(10);
    for (const op of ops) {
      expect(op.description).toMatch(/Requires `\w+\.\w+`|Any active member/);
      expect(op.responses["401"]).toBeTruthy();
    }
  });

  it("derives request bodies from the zod schemas the routes use", () => {
    const body = (doc.paths["/accounts"].post as { requestBody: { content: { "application/json": { schema: { properties: object; required: string[]; additionalProperties: boolean } } } } })
      .requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["name", "redId", "postingSlots", "publisherId", "publisherConfig"]));
    expect(body.required).toEqual(["name", "redId"]);
    expect(body.additionalProperties).toBe(false);
  });

  it("documents the account matrix routes, with secrets described as write-only", () => {
    for (const path of ["/accounts", "/accounts/{id}", "/accounts/bulk", "/accounts/import", "/accounts/{id}/check-connection", "/publishers"]) {
      expect(doc.paths[path], path).toBeTruthy();
    }
    const bulk = (doc.paths["/accounts/bulk"].post as { requestBody: { content: { "application/json": { schema: { oneOf?: unknown[]; anyOf?: unknown[] } } } } }).requestBody.content["application/json"].schema;
    expect((bulk.oneOf ?? bulk.anyOf)?.length).toBe(7);
    expect(JSON.stringify(doc.paths["/accounts"])).toMatch(/write-only/);
  });
});
