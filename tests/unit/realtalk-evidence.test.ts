/** Reading REALTALK's hand-typed evidence entries (bench/data/realtalk-evidence.ts); every case is one found in the data. */
import { describe, expect, it } from "vitest";
import { parseEvidence } from "@/bench/data/realtalk-evidence";

describe("parseEvidence", () => {
  it("keeps a plain dia id", () => {
    expect(parseEvidence("D1:6")).toEqual(["D1:6"]);
  });

  it("splits lists and drops stray punctuation", () => {
    expect(parseEvidence("D5:3.")).toEqual(["D5:3"]);
    expect(parseEvidence("D5:12;D5:16")).toEqual(["D5:12", "D5:16"]);
    expect(parseEvidence("D11:17; D16:1")).toEqual(["D11:17", "D16:1"]);
    expect(parseEvidence("D13:4. D14:4")).toEqual(["D13:4", "D14:4"]);
    expect(parseEvidence("D13:45:D20:19")).toEqual(["D13:45", "D20:19"]);
  });

  it("expands a range within one session, and keeps the ends of any other", () => {
    expect(parseEvidence("D12:3-D12:5")).toEqual(["D12:3", "D12:4", "D12:5"]);
    expect(parseEvidence("D14:8-D14:9;D15:16-D15:17")).toEqual(["D14:8", "D14:9", "D15:16", "D15:17"]);
    expect(parseEvidence("D3:9-D4:2")).toEqual(["D3:9", "D4:2"]);
  });

  it("repairs the typos that have one reading, and gives nothing for the rest", () => {
    expect(parseEvidence("D 2:18")).toEqual(["D2:18"]);
    expect(parseEvidence("D17;39")).toEqual(["D17:39"]);
    expect(parseEvidence("23:29")).toEqual(["D23:29"]);
    expect(parseEvidence("D58")).toEqual([]);
    expect(parseEvidence("D:56")).toEqual([]);
    expect(parseEvidence("")).toEqual([]);
  });
});
