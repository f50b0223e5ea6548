import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv/to-csv";

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("quotes commas, quotes and newlines; keeps Chinese as is", () => {
    expect(csvCell('说 "你好", 世界')).toBe('"说 ""你好"", 世界"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("小红书")).toBe("小红书");
  });

  it("writes dates as ISO, objects as JSON, null as empty", () => {
    expect(csvCell(new Date("2026-11-21T12:30:00Z"))).toBe("2026-11-21T12:30:00.000Z");
    expect(csvCell(null)).toBe("");
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it("starts with a BOM so Excel reads UTF-8", () => {
    const csv = toCsv(["名称"], [["值"]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("名称\r\n值\r\n");
  });
});
