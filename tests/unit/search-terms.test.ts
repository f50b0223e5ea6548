import { describe, expect, it } from "vitest";
import { searchTerms } from "@/lib/text/search-terms";

describe("search terms", () => {
  it("stems English words and drops stop words (not pronouns) and single letters", () => {
    expect(searchTerms("She was researching hobbies in the cities")).toEqual(["she", "research", "hobbi", "citi"]);
    expect(searchTerms("Kate's plan: don't skip it")).toEqual(["kate", "plan", "skip", "it"]);
  });

  it("keeps numbers and non-English Latin words as they are", () => {
    expect(searchTerms("3 posts in 2024, café")).toEqual(["3", "post", "2024", "café"]);
  });

  it("gives Chinese both jieba's words and every character pair, without stop words", () => {
    const terms = searchTerms("敏感肌用户关心酒精");
    expect(terms).toEqual(expect.arrayContaining(["敏感肌", "用户", "关心", "酒精", "敏感", "感肌", "肌用", "心酒"]));
    expect(searchTerms("我们的")).toEqual([]);
  });

  it("keeps repeats, so term frequency counts", () => {
    expect(searchTerms("hiking hiking trip").filter((t) => t === "hike")).toHaveLength(2);
  });

  it("treats full-width and upper-case forms like their plain forms", () => {
    expect(searchTerms("ＯＯＴＤ Lipstick")).toEqual(searchTerms("ootd lipstick"));
  });
});
