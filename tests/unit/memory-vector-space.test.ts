import { describe, expect, it } from "vitest";
import { sameSpace, spaceKey, vectorSpaceOf } from "@/lib/memory/vectors/vector-space";

const spec = (over: Partial<{ baseUrl: string; model: string; dim: number }> = {}) => ({
  provider: "openai" as const,
  baseUrl: "https://api.example.com/v1",
  model: "emb",
  dim: 256,
  ...over,
});

describe("embedding spaces", () => {
  it("keys a space by provider, base URL (trailing slash aside), model and dimension", () => {
    expect(spaceKey({ provider: "builtin" })).toBe("builtin");
    expect(sameSpace(spec(), spec({ baseUrl: "https://api.example.com/v1/" }))).toBe(true);
    expect(sameSpace(spec(), spec({ dim: 512 }))).toBe(false);
    expect(sameSpace(spec(), spec({ model: "emb-2" }))).toBe(false);
    expect(sameSpace(spec(), { provider: "builtin" })).toBe(false);
  });

  it("names an external space's table and index with a hex key only (safe to inline in SQL)", () => {
    const space = vectorSpaceOf(spec({ baseUrl: "https://x'; DROP TABLE memories; --.example.com/v1" }));
    expect(space.table).toMatch(/^memory_vectors_[0-9a-f]{16}$/);
    expect(space.index).toBe(`${space.table}_idx`);
    expect(space.dim).toBe(256);
    expect(vectorSpaceOf({ provider: "builtin" })).toMatchObject({ table: null, index: "memories_vec_idx", dim: 384 });
  });
});
