/** The OpenAPI document's content: permissions, the error envelope, bodies from the routes' zod schemas. */
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/app/api/v1/openapi.json/api-operations";

type Op = {
  description: string;
  "x-permission": string | null;
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
type BodyOp = {
  requestBody: {
    content: Record<
      string,
      {
        schema: {
          properties: Record<string, unknown>;
          required: string[];
          additionalProperties: boolean;
          oneOf?: unknown[];
          anyOf?: unknown[];
        };
      }
    >;
  };
};

describe("OpenAPI document", () => {
  const doc = openApiDocument("http://localhost:3000");
  const body = (path: string, method: string) =>
    (doc.paths[path][method] as unknown as BodyOp).requestBody.content["application/json"].schema;

  it("states each operation's permission and answers errors with the shared envelope", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.Error.required).toEqual(["error"]);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods) as [string, Op][]) {
        const where = `${method} ${path}`;
        expect(op.description, where).toBe(op["x-permission"] ? `Requires \`${op["x-permission"]}\`.` : "Any active member.");
        for (const status of ["400", "401", "403"]) {
          expect(op.responses[status]?.content?.["application/json"].schema.$ref, `${where} ${status}`).toBe("#/components/schemas/Error");
        }
      }
    }
  });

  it("derives request bodies from the zod schemas the routes use", () => {
    const create = body("/accounts", "post");
    expect(Object.keys(create.properties)).toEqual(
      expect.arrayContaining(["name", "redId", "postingSlots", "publisherId", "publisherConfig"]),
    );
    expect(create.required).toEqual(["name", "redId"]);
    expect(create.additionalProperties).toBe(false);
  });

  it("documents the account matrix routes, with secrets described as write-only", () => {
    for (const path of [
      "/accounts",
      "/accounts/{id}",
      "/accounts/bulk",
      "/accounts/import",
      "/accounts/{id}/check-connection",
      "/accounts/options",
      "/publishers",
    ]) {
      expect(doc.paths[path], path).toBeTruthy();
    }
    const bulk = body("/accounts/bulk", "post");
    expect((bulk.oneOf ?? bulk.anyOf)?.length).toBe(7);
    expect(JSON.stringify(doc.paths["/accounts"])).toMatch(/write-only/);
  });

  it("documents the scheduling API with its permissions and bodies", () => {
    const schedule = doc.paths["/drafts/{id}/schedule"].post as unknown as Op;
    expect(schedule["x-permission"]).toBe("schedules.write");
    expect(schedule.responses["422"]).toBeTruthy();
    expect(Object.keys(body("/drafts/{id}/schedule", "post").properties).sort()).toEqual([
      "accountIds",
      "acknowledged",
      "batchKey",
      "runAt",
      "runAtLocal",
      "staggerMinutes",
    ]);
    expect(body("/drafts/{id}/schedule", "post").additionalProperties).toBe(false);
    expect(Object.keys(body("/drafts/{id}/schedule/preview", "post").properties)).not.toContain("batchKey");
    expect(Object.keys(body("/publish-jobs/{id}", "patch").properties)).toEqual(["runAt"]);
    expect(Object.keys(body("/publish-jobs/{id}/mark-published", "post").properties)).toEqual(["url"]);
    expect((doc.paths["/publish-jobs/{id}"].delete as unknown as Op)["x-permission"]).toBe("schedules.cancel");
    expect((doc.paths["/publish-batches/{id}"].get as unknown as Op)["x-permission"]).toBe("schedules.read");
  });

  it("describes file uploads, which no zod schema covers", () => {
    const media = (doc.paths["/media"].post as unknown as BodyOp).requestBody.content;
    expect(Object.keys(media)).toEqual(["multipart/form-data"]);
    expect(Object.keys((doc.paths["/competitor-imports"].post as unknown as BodyOp).requestBody.content)).toEqual([
      "application/octet-stream",
    ]);
  });
});
