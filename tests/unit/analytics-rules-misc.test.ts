import { describe, expect, it } from "vitest";
import { trendAlertsFor } from "@/lib/competitors/alerts/trend-alert-rules";
import { noteOf, profileSnapshotOf } from "@/lib/competitors/collect/map-bridge-data";
import { detectKind } from "@/lib/competitors/import/mediacrawler-columns";
import { parseSubjects, resolveRange } from "@/lib/competitors/queries/range-params";

describe("trend alerts", () => {
  it("flags a competitor whose cadence doubles (from at least 4 notes)", () => {
    expect(trendAlertsFor("competitor", { notesLast7: 8, notesPrev7: 4, engagementLast7: 0, engagementPrev7: 0 })).toEqual([
      "cadence_doubled",
    ]);
    expect(trendAlertsFor("competitor", { notesLast7: 7, notesPrev7: 4, engagementLast7: 0, engagementPrev7: 0 })).toEqual([]);
    expect(trendAlertsFor("competitor", { notesLast7: 2, notesPrev7: 0, engagementLast7: 0, engagementPrev7: 0 })).toEqual([]);
  });

  it("flags an own account whose engagement fell 30% week on week", () => {
    expect(trendAlertsFor("account", { notesLast7: 3, notesPrev7: 3, engagementLast7: 700, engagementPrev7: 1000 })).toEqual([
      "engagement_drop",
    ]);
    expect(trendAlertsFor("account", { notesLast7: 3, notesPrev7: 3, engagementLast7: 701, engagementPrev7: 1000 })).toEqual([]);
    expect(trendAlertsFor("account", { notesLast7: 3, notesPrev7: 3, engagementLast7: 10, engagementPrev7: 50 })).toEqual([]);
  });
});

describe("import format detection", () => {
  it("recognises MediaCrawler kinds by their columns and names what is missing", () => {
    expect(
      detectKind([
        "note_id",
        "type",
        "title",
        "desc",
        "time",
        "liked_count",
        "collected_count",
        "comment_count",
        "share_count",
        "nickname",
      ]),
    ).toEqual({ kind: "notes" });
    expect(detectKind(["comment_id", "create_time", "note_id", "content"])).toEqual({ kind: "comments" });
    expect(detectKind(["note_id", "title", "liked_count"])).toEqual({
      kind: null,
      closest: "notes",
      missing: ["time", "collected_count", "comment_count", "share_count"],
    });
  });
});

describe("bridge payload mapping", () => {
  it("reads follower counts from count strings and keeps unknowns unknown", () => {
    const s = profileSnapshotOf(
      {
        interactions: [
          { type: "fans", count: "12.5万" },
          { type: "follows", count: "20" },
          { type: "interaction", count: "10万+" },
        ],
      },
      new Date(0),
    );
    expect(s).toMatchObject({ followers: 125_000, following: 20, likesAndCollects: 100_000 });
    expect(profileSnapshotOf({ interactions: [{ type: "fans", count: "?" }] }, new Date(0)).followers).toBeNull();
  });

  it("maps a feed card and its detail to a note", () => {
    const note = noteOf(
      {
        id: "n1",
        xsecToken: "x",
        noteCard: {
          displayTitle: "卡片标题",
          interactInfo: { likedCount: "1.2万", collectedCount: "300", commentCount: "1,024", sharedCount: "5" },
        },
      },
      new Date(1000),
      { title: "详情标题", desc: "正文 #护肤[话题]#", type: "video", imageList: [1, 2] },
      new Date(2000),
    );
    expect(note).toMatchObject({
      noteId: "n1",
      title: "详情标题",
      type: "video",
      likes: 12_000,
      comments: 1_024,
      topics: ["护肤"],
      imagesCount: 2,
    });
  });
});

describe("dashboard range from the URL", () => {
  const now = new Date("2026-11-22T04:00:00Z");
  it("defaults to the last 30 days in the workspace's zone, daily", () => {
    expect(resolveRange({}, "Asia/Shanghai", now)).toEqual({ from: "2026-10-24", to: "2026-11-22", granularity: "day", subjects: null });
  });
  it("swaps a reversed range, caps the end at today and picks a coarser granularity for long ranges", () => {
    expect(resolveRange({ from: "2026-11-30", to: "2026-06-01" }, "Asia/Shanghai", now)).toMatchObject({
      from: "2026-06-01",
      to: "2026-11-22",
      granularity: "week",
    });
    expect(resolveRange({ from: "2025-01-01", g: "bogus" }, "Asia/Shanghai", now)).toMatchObject({
      from: "2026-10-24",
      granularity: "day",
    });
  });
  it("parses subject lists and drops malformed entries", () => {
    expect(parseSubjects("c:cmp_1,a:acc_2,x:bad,c:")).toEqual([
      { type: "competitor", id: "cmp_1" },
      { type: "account", id: "acc_2" },
    ]);
  });
});
