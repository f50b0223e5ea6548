import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
}

describe("UI messages", () => {
  it("has the same keys in zh-CN and en", () => {
    expect(keys(zh as Tree).sort()).toEqual(keys(en as Tree).sort());
  });

  it("uses the same placeholders in both languages, and no empty strings", () => {
    const lookup = (tree: Tree, path: string) => path.split(".").reduce<string | Tree>((t, k) => (t as Tree)[k], tree) as string;
    for (const key of keys(zh as Tree)) {
      const [a, b] = [lookup(zh as Tree, key), lookup(en as Tree, key)];
      expect(a.trim(), key).not.toBe("");
      expect(placeholders(a), key).toEqual(placeholders(b));
    }
  });
});
