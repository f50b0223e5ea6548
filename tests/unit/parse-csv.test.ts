import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse-csv";

describe("parseCsv", () => {
  it("reads quoted cells, doubled quotes, CRLF, a BOM, and skips blank lines", () => {
    const text = '\uFEFFname,redId,bio\r\n"小鹿, 美妆",xiaolu,"说 ""你好""\n第二行"\r\n\r\n咖啡,coffee,\n';
    expect(parseCsv(text)).toEqual([
      ["name", "redId", "bio"],
      ["小鹿, 美妆", "xiaolu", '说 "你好"\n第二行'],
      ["咖啡", "coffee", ""],
    ]);
  });

  it("keeps a final row that has no trailing newline", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
