import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("UI messages", () => {
  it("have the same keys in zh-CN and en (matrix namespace and everything else)", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    expect(keys(zh.matrix).length).toBeGreaterThan(50);
  });

  it("have no empty strings", () => {
    for (const [name, messages] of [
      ["zh-CN", zh],
      ["en", en],
    ] as const) {
      const empty = keys(messages).filter(
        (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages) === "",
      );
      expect(empty, name).toEqual([]);
    }
  });
});
