import { describe, expect, it } from "vitest";
import { loadMatrix } from "@/lib/accounts/load-matrix";
import { sandboxPublisher } from "@/lib/publishing/publishers/sandbox";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("demo workspace accounts", () => {
  it("seeds 8 sandbox accounts with groups, tags and slots that the matrix can filter", async () => {
    const db = await migratedDb();
    const ws = await setUpWorkspace(db, { loadDemo: true });
    const all = await loadMatrix(db, ws.admin);
    expect(all.total).toBe(8);
    expect(all.accounts.every((a) => a.publisher.id === sandboxPublisher.id && a.postingSlots.length > 0 && a.groups.length > 0)).toBe(
      true,
    );
    expect(all.facets.groups).toEqual(expect.arrayContaining(["美妆护肤", "本地生活", "核心号"]));
    expect((await loadMatrix(db, ws.admin, { group: "核心号" })).accounts.map((a) => a.redId).sort()).toEqual([
      "sh_weekend",
      "xiaolu_beauty",
    ]);
  });
});
