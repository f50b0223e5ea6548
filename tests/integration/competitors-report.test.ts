/** The competitor report as CSV over the API: formula cells neutralised, Excel BOM, numbers from the rollups, permission. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as csvRoute from "@/app/api/v1/competitor-reports/csv/route";
import type { Db } from "@/db/client";
import { runImport } from "@/lib/competitors/import/run-import";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("competitor report CSV", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    await runImport(db, ws.admin, {
      file: path.join(process.cwd(), "tests/fixtures/mediacrawler/xhs_notes.csv"),
      fileName: "notes.csv",
      assign: { mode: "by_author", createMissing: true },
    });
  });

  it("exports subjects and top notes with formula cells neutralised", async () => {
    const analyst = await memberWithToken(db, ws.admin, "analyst");
    const res = await callRoute(csvRoute.GET, "/x", { token: analyst.token, search: { from: "2026-11-01", to: "2026-11-20" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("competitor-report-2026-11-01-2026-11-20.csv");
    // (Response.text() drops the BOM that toCsv adds for Excel; tests/unit/csv.test.ts covers it.)
    const lines = res.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "name,type,followers,follower_growth_rate,notes,notes_per_week,engagement,engagement_per_note,engagement_per_1000_followers,engagement_rate,ces_industry_estimate",
    );
    // 完美日记: (17000+3201+856+120) + (100000+23000+1024+512) = 21177 + 124536 = 145713 over 2 notes
    expect(lines.find((l) => l.startsWith("完美日记,"))).toMatch(/^完美日记,competitor,,,2,0\.7,145713,72856\.5,/);
    const injected = lines.find((l) => l.includes("cmd|"));
    expect(injected?.startsWith("'=cmd|' /C calc'!A0 口红试色,花西子,")).toBe(true);
  });

  it("needs analytics.export", async () => {
    const guest = await memberWithToken(db, ws.admin, "guest");
    expect((await callRoute(csvRoute.GET, "/x", { token: guest.token })).status).toBe(403);
  });
});
