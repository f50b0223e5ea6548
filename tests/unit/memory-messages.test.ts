import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe("memories messages", () => {
  it("has the same keys in zh-CN and en, all non-empty", () => {
    expect(keys(zh.memories).sort()).toEqual(keys(en.memories).sort());
    for (const locale of [zh.memories, en.memories]) {
      expect(
        keys(locale).every((k) => String(k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], locale)).length > 0),
      ).toBe(true);
    }
  });

  it("is in Chinese for zh-CN", () => {
    expect(zh.memories.compressNow).toMatch(/[\u4e00-\u9fff]/);
  });
});
