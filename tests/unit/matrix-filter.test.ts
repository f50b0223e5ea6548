import { describe, expect, it } from "vitest";
import { filterAndSortAccounts, matrixFacets, type MatrixRow } from "@/lib/accounts/matrix-filter";
import { postingSlotsSchema } from "@/lib/accounts/account-schema";
import { emptyStats, weekStartInZone } from "@/lib/accounts/matrix-stats";

const row = (name: string, over: Partial<MatrixRow> = {}): MatrixRow => ({
  id: name,
  name,
  redId: name.toLowerCase(),
  status: "active",
  groups: [],
  tags: [],
  bio: "",
  createdAt: new Date(0),
  lastCheckAt: null,
  memberIds: [],
  ...over,
});

const rows = [
  row("Beauty", { groups: ["美妆"], tags: ["护肤"], status: "paused", memberIds: ["m1"] }),
  row("Coffee", { groups: ["探店"], tags: ["咖啡"], status: "error" }),
  row("Alpha", { groups: ["美妆"], tags: ["香水"], status: "needs_login", memberIds: ["m1", "m2"] }),
];

describe("matrix filter and sort", () => {
  it("filters by group, tag, status, member and search text", () => {
    expect(filterAndSortAccounts(rows, { group: "美妆" }).map((r) => r.name)).toEqual(["Alpha", "Beauty"]);
    expect(filterAndSortAccounts(rows, { tag: "咖啡" }).map((r) => r.name)).toEqual(["Coffee"]);
    expect(filterAndSortAccounts(rows, { status: "paused" }).map((r) => r.name)).toEqual(["Beauty"]);
    expect(filterAndSortAccounts(rows, { member: "m2" }).map((r) => r.name)).toEqual(["Alpha"]);
    expect(filterAndSortAccounts(rows, { q: "香" }).map((r) => r.name)).toEqual(["Alpha"]);
    expect(filterAndSortAccounts(rows, { q: "coff" }).map((r) => r.name)).toEqual(["Coffee"]);
  });

  it("sorts by status with problems first, and descending by name", () => {
    expect(filterAndSortAccounts(rows, { sort: "status" }).map((r) => r.status)).toEqual(["error", "needs_login", "paused"]);
    expect(filterAndSortAccounts(rows, { sort: "name", dir: "desc" }).map((r) => r.name)).toEqual(["Coffee", "Beauty", "Alpha"]);
  });

  it("filters and sorts by the figures; empty figures sort last in both directions", () => {
    const withStats = [
      row("Big", { stats: { ...emptyStats, followers: 9000, postsThisWeek: 3, lastPublish: { status: "published", at: new Date(5) } } }),
      row("None", { stats: emptyStats }),
      row("Small", {
        stats: {
          ...emptyStats,
          followers: 10,
          failures7d: 2,
          nextScheduledAt: new Date(9),
          lastPublish: { status: "failed", at: new Date(7) },
        },
      }),
    ];
    const names = (q: Parameters<typeof filterAndSortAccounts>[1]) => filterAndSortAccounts(withStats, q).map((r) => r.name);
    expect(names({ sort: "followers" })).toEqual(["Small", "Big", "None"]);
    expect(names({ sort: "followers", dir: "desc" })).toEqual(["Big", "Small", "None"]);
    expect(names({ sort: "lastPublishAt", dir: "desc" })).toEqual(["Small", "Big", "None"]);
    expect(names({ sort: "failures7d", dir: "desc" })).toEqual(["Small", "Big", "None"]);
    expect(names({ result: "failed" })).toEqual(["Small"]);
    expect(names({ result: "none" })).toEqual(["None"]);
    expect(names({ failures: "none" })).toEqual(["Big", "None"]);
    expect(names({ scheduled: "yes" })).toEqual(["Small"]);
    expect(names({ scheduled: "none", sort: "postsThisWeek", dir: "desc" })).toEqual(["Big", "None"]);
  });

  it("starts the week on Monday 00:00 in the workspace zone", () => {
    // Sunday 23:30 in Shanghai is still the week that began Monday 2026-11-16.
    expect(weekStartInZone(new Date("2026-11-22T15:30:00Z"), "Asia/Shanghai").toISOString()).toBe("2026-11-15T16:00:00.000Z");
    expect(weekStartInZone(new Date("2026-11-22T16:30:00Z"), "Asia/Shanghai").toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(weekStartInZone(new Date("2026-11-25T12:00:00Z"), "UTC").toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("lists distinct groups and tags", () => {
    expect(matrixFacets(rows)).toEqual({ groups: ["探店", "美妆"].sort(), tags: ["咖啡", "护肤", "香水"].sort() });
  });

  it("sorts posting slots and refuses bad or duplicate ones", () => {
    expect(postingSlotsSchema.parse(["20:30", "08:00", "12:30"])).toEqual(["08:00", "12:30", "20:30"]);
    for (const bad of [["24:00"], ["8:00"], ["12:60"], ["08:00", "08:00"], ["noon"]])
      expect(postingSlotsSchema.safeParse(bad).success, bad.join()).toBe(false);
  });
});
