import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("drafts messages", () => {
  it("has the same keys in zh-CN and en, none empty", () => {
    expect(keys(zh.drafts).sort()).toEqual(keys(en.drafts).sort());
    for (const k of keys(zh.drafts))
      expect(
        k.split(".").reduce<any>((o, p) => o[p], zh.drafts),
        k,
      ).not.toBe("");
  });

  it("names every check code the rules can produce", async () => {
    const { checkNote } = await import("@/lib/drafts/note-checks");
    const { defaultNoteSettings } = await import("@/lib/drafts/note-settings");
    const codes = [
      ...checkNote({ title: "", body: "", topics: [], imageCount: 0, accountCount: 0 }, defaultNoteSettings),
      ...checkNote(
        {
          title: "长".repeat(30),
          body: "长".repeat(2000),
          topics: Array(20)
            .fill("x")
            .map((x, i) => x + i),
          imageCount: 30,
          accountCount: 1,
        },
        { ...defaultNoteSettings, bannedWords: ["长"] },
      ),
    ].map((c) => c.code);
    for (const code of codes) expect(Object.keys(zh.drafts.checks)).toContain(code);
    expect(new Set(codes).size).toBe(10);
  });
});
