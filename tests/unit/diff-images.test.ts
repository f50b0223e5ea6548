import { describe, expect, it } from "vitest";
import { diffImages } from "@/lib/drafts/diff-images";

const img = (url: string, alt = "") => ({ url, alt });

describe("diffImages (conflict view)", () => {
  it("finds images only one side has and a different cover", () => {
    const d = diffImages([img("a"), img("b"), img("c")], [img("d"), img("a"), img("b")]);
    expect(d).toMatchObject({ onlyMine: ["c"], onlyTheirs: ["d"], reordered: false, coverChanged: true, isSame: false });
  });

  it("notices a new order of the same images, and the cover moving with it", () => {
    expect(diffImages([img("b"), img("a")], [img("a"), img("b")])).toMatchObject({
      onlyMine: [],
      onlyTheirs: [],
      reordered: true,
      coverChanged: true,
    });
    expect(diffImages([img("a"), img("c"), img("b")], [img("a"), img("b"), img("c")])).toMatchObject({
      reordered: true,
      coverChanged: false,
    });
  });

  it("reports alt text edits on shared images, and nothing when equal", () => {
    expect(diffImages([img("a", "门口")], [img("a", "店内")])).toMatchObject({ altChanged: ["a"], isSame: false });
    expect(diffImages([img("a", "x"), img("b")], [img("a", "x"), img("b")])).toMatchObject({ isSame: true, coverChanged: false });
    expect(diffImages([], [])).toMatchObject({ isSame: true });
    expect(diffImages([img("a")], [])).toMatchObject({ onlyMine: ["a"], coverChanged: true });
  });
});
