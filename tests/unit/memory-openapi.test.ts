import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/app/api/v1/openapi.json/api-operations";

describe("memory API in the OpenAPI document", () => {
  it("documents the seed's 12 endpoints plus context retrieval, providers, maintenance runs and version history, with their permissions", () => {
    const doc = openApiDocument("http://localhost:3000");
    const ops = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/memories"))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${(op as { description: string }).description}`),
      );
    expect(ops.sort()).toEqual(
      [
        "POST /memories Requires `memories.write`.",
        "GET /memories Requires `memories.read`.",
        "GET /memories/{id} Requires `memories.read`.",
        "PUT /memories/{id} Requires `memories.write`.",
        "DELETE /memories/{id} Requires `memories.write`.",
        "GET /memories/{id}/history Requires `memories.read`.",
        "POST /memories/{id}/history/{versionId}/restore Requires `memories.write`.",
        "POST /memories/search Requires `memories.read`.",
        "POST /memories/context Requires `memories.read`.",
        "GET /memories/providers Requires `memories.manage`.",
        "PUT /memories/providers Requires `memories.manage`.",
        "POST /memories/reembed Requires `memories.manage`.",
        "POST /memories/cleanup Requires `memories.write`.",
        "POST /memories/compress Requires `memories.write`.",
        "GET /memories/runs Requires `memories.read`.",
        "GET /memories/analytics/stats Requires `memories.read`.",
        "GET /memories/analytics/patterns Requires `memories.read`.",
        "GET /memories/config Requires `memories.read`.",
        "PUT /memories/config Requires `memories.write`.",
      ].sort(),
    );
  });
});
