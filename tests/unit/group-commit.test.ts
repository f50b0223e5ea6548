import { describe, expect, it } from "vitest";
import { groupCommit, settle, type ItemResult } from "@/db/group-commit";

/** A writer that records each batch and answers item * 10, failing the items it is told to. */
function recordingWriter(failItem?: number, delayMs = 5) {
  const batches: number[][] = [];
  const write = async (items: number[]): Promise<ItemResult<number>[]> => {
    batches.push(items);
    await new Promise((r) => setTimeout(r, delayMs));
    return Promise.all(
      items.map((i) =>
        settle(async () => {
          if (i === failItem) throw new Error(`item ${i} failed`);
          return i * 10;
        }),
      ),
    );
  };
  return { batches, write };
}

describe("group commit", () => {
  it("writes callers that arrive together in one batch, each getting its own answer", async () => {
    const { batches, write } = recordingWriter();
    const submit = groupCommit(write);
    const answers = await Promise.all([1, 2, 3, 4, 5].map(submit));
    expect(answers).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it("collects callers that arrive while a batch is being written into the next one", async () => {
    const { batches, write } = recordingWriter(undefined, 20);
    const submit = groupCommit(write);
    const first = submit(1);
    await new Promise((r) => setTimeout(r, 5)); // batch [1] is being written now
    const later = [2, 3, 4].map(submit);
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("fails only the caller whose item failed", async () => {
    const { write } = recordingWriter(2);
    const submit = groupCommit(write);
    const settled = await Promise.allSettled([1, 2, 3].map(submit));
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe("item 2 failed");
  });

  it("fails every caller of a batch whose write throws, and keeps serving later callers", async () => {
    let calls = 0;
    const submit = groupCommit<number, number>(async (items) => {
      if (calls++ === 0) throw new Error("disk full");
      return items.map((i) => ({ ok: true, value: i }));
    });
    const settled = await Promise.allSettled([1, 2].map(submit));
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    expect(await submit(3)).toBe(3);
  });

  it("never puts more than maxBatch items in one batch", async () => {
    const { batches, write } = recordingWriter();
    const submit = groupCommit(write, 2);
    await Promise.all([1, 2, 3, 4, 5].map(submit));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});
