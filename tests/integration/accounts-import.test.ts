import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/accounts/import/route";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { importAccounts } from "@/lib/accounts/import-accounts";
import { listAccounts } from "@/lib/accounts/queries";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("CSV import of accounts", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  const total = async () => (await db.select({ n: count() }).from(accounts))[0].n;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    await createAccount(db, ws.admin, { name: "已有", redId: "existing_one" });
  });

  it("imports every row with lists, numbers and slots, on the sandbox publisher", async () => {
    const csv =
      "name,redId,groups,tags,dailyPostCap,postingSlots\n北京探店,bj_food,探店|北京,咖啡|早午餐,2,20:30|08:00\n上海穿搭,sh_outfit,穿搭,,4,\n";
    const result = await importAccounts(db, ws.admin, csv);
    expect(result).toMatchObject({ rows: 2, imported: 2, problems: [] });
    const bj = (await listAccounts(db, ws.admin)).find((a) => a.redId === "bj_food")!;
    expect(bj).toMatchObject({
      groups: ["探店", "北京"],
      tags: ["咖啡", "早午餐"],
      dailyPostCap: 2,
      postingSlots: ["08:00", "20:30"],
      publisherId: "sandbox",
    });
  });

  it("reports every bad row with its spreadsheet row number and imports nothing", async () => {
    const before = await total();
    const csv =
      "name,redId,dailyPostCap,postingSlots\n好号,good_one,3,09:00\n坏上限,bad_cap,-1,\n重复,good_one,1,\n已存在,existing_one,1,\n坏时段,bad_slot,1,25:00\n";
    const result = await importAccounts(db, ws.admin, csv);
    expect(result.imported).toBe(0);
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([
      [3, "dailyPostCap"],
      [4, "redId"],
      [5, "redId"],
      [6, "postingSlots.0"],
    ]);
    expect(await total()).toBe(before);
  });

  it("over the API: dry run checks, import answers 201, problems answer 400 with row-keyed field errors", async () => {
    const { token } = await memberWithToken(db, ws.admin, "operator", "importer@example.com");
    const post = (body: unknown) => callRoute(importRoute.POST, "/api/v1/accounts/import", { method: "POST", token, body });
    const csv = "name,redId\n杭州生活,hz_life\n";
    expect((await post({ csv, dryRun: true })).json).toMatchObject({ imported: 0, rows: 1 });
    expect((await post({ csv })).status).toBe(201);
    const again = await post({ csv });
    expect(again.status).toBe(400);
    expect(again.json.error.fieldErrors["rows.2.redId"]).toBeTruthy();
    expect((await post({ csv: "nickname,redId\nx,y\n" })).json.error.fieldErrors.csv[0]).toMatch(/unknown: nickname/);
  });
});
