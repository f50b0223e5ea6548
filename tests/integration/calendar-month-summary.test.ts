/**
 * The month view's server-side summary: per-day counts by status and account, cut at the
 * workspace zone's midnights (DST included), details for only the first jobs of each day, and
 * nothing outside the caller's accounts.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { publishJobs } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { newId } from "@/lib/ids/new-id";
import { calendarRange } from "@/lib/scheduling/calendar-range";
import { monthSummary } from "@/lib/scheduling/month-summary";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("calendar month summary", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let a = "";
  let b = "";
  const insert = async (accountId: string, runAt: string, status: (typeof publishJobs.$inferInsert)["status"] = "scheduled") => {
    const id = newId("job");
    await db.insert(publishJobs).values({
      id,
      workspaceId: ws.workspaceId,
      accountId,
      snapshot: { title: `t ${runAt}`, body: "", topics: [], images: [] },
      runAt: new Date(runAt),
      status,
      idempotencyKey: newId("idem"),
    });
    return id;
  };

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    a = (await createAccount(db, ws.admin, { name: "A", redId: "a_red" })).id;
    b = (await createAccount(db, ws.admin, { name: "B", redId: "b_red" })).id;
  });

  it("counts by day in Asia/Shanghai, by status and account, with the first three jobs per day", async () => {
    // 20:30 Shanghai = 12:30 UTC on the same day; 00:30 Shanghai on the 11th = 16:30 UTC on the 10th.
    for (let i = 0; i < 5; i++) await insert(a, `2027-03-10T12:3${i}:00Z`);
    await insert(b, "2027-03-10T13:00:00Z", "published");
    await insert(b, "2027-03-10T16:30:00Z", "failed");
    const { days } = calendarRange("month", "2027-03-15", "Asia/Shanghai");
    const summary = await monthSummary(db, ws.admin, { days, timezone: "Asia/Shanghai" });
    expect(summary.counts["2027-03-10"]).toEqual({ total: 6, byStatus: { scheduled: 5, published: 1 }, byAccount: { [a]: 5, [b]: 1 } });
    expect(summary.counts["2027-03-11"]).toEqual({ total: 1, byStatus: { failed: 1 }, byAccount: { [b]: 1 } });
    const tenth = summary.jobs.filter((j) => j.runAt.toISOString().startsWith("2027-03-10T12"));
    expect(tenth.map((j) => j.runAt.toISOString())).toEqual([
      "2027-03-10T12:30:00.000Z",
      "2027-03-10T12:31:00.000Z",
      "2027-03-10T12:32:00.000Z",
    ]);
    expect(summary.jobs).toHaveLength(4); // three of the 10th, one of the 11th

    const filtered = await monthSummary(db, ws.admin, { days, timezone: "Asia/Shanghai", accountIds: [b], statuses: ["failed"] });
    expect(Object.keys(filtered.counts)).toEqual(["2027-03-11"]);
    // A caller limited to account A sees nothing of B.
    const onlyA = await monthSummary(db, { workspaceId: ws.workspaceId, accountIds: [a] }, { days, timezone: "Asia/Shanghai" });
    expect(onlyA.counts["2027-03-10"].total).toBe(5);
    expect(onlyA.counts["2027-03-11"]).toBeUndefined();
  });

  it("cuts days at New York midnights across the end of DST", async () => {
    await db.update(publishJobs).set({ status: "canceled" }).where(eq(publishJobs.workspaceId, ws.workspaceId));
    // 2026-11-01: EDT until 02:00, then EST. 23:30 local on Oct 31 (EDT) = 03:30Z Nov 1;
    // 23:30 local on Nov 1 (EST) = 04:30Z Nov 2; 00:30 local on Nov 2 = 05:30Z.
    await insert(a, "2026-11-01T03:30:00Z");
    await insert(a, "2026-11-02T04:30:00Z");
    await insert(a, "2026-11-02T05:30:00Z");
    const { days } = calendarRange("month", "2026-11-15", "America/New_York");
    const summary = await monthSummary(db, ws.admin, { days, timezone: "America/New_York", statuses: ["scheduled"] });
    expect(summary.counts["2026-10-31"].total).toBe(1);
    expect(summary.counts["2026-11-01"].total).toBe(1);
    expect(summary.counts["2026-11-02"].total).toBe(1);
  });
});
