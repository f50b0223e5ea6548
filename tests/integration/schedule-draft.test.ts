/**
 * From an approved draft to posts on many accounts: the plan respects each account's cap,
 * spacing and status; a refused plan creates nothing; a batch publishes through the sandbox
 * and its progress, retries and the draft's status follow.
 */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as batchRoute from "@/app/api/v1/publish-batches/[id]/route";
import * as previewRoute from "@/app/api/v1/drafts/[id]/schedule/preview/route";
import * as scheduleRoute from "@/app/api/v1/drafts/[id]/schedule/route";
import type { Db } from "@/db/client";
import { accounts, drafts, publishJobs } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { createAccount } from "@/lib/accounts/create-account";
import { createDraft } from "@/lib/drafts/create-draft";
import { advanceDraft } from "@/lib/drafts/workflow";
import { runPublishJob } from "@/lib/scheduling/run-publish-job";
import { publishThroughAccount } from "@/lib/scheduling/publish-job-note";
import { callRoute } from "../support/call-route";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("scheduling a draft to many accounts", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let token = "";
  const accountIds: string[] = [];
  let draftId = "";
  const jobCount = async () => (await db.select({ n: count() }).from(publishJobs))[0].n;
  const schedule = (body: object) => callRoute(scheduleRoute.POST, "/x", { method: "POST", token, params: { id: draftId }, body });

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    token = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    for (let i = 0; i < 5; i++) accountIds.push((await createAccount(db, ws.admin, { name: `矩阵号${i + 1}`, redId: `matrix_${i}` })).id);
    const draft = await createDraft(db, ws.admin, {
      title: "秋冬护肤清单",
      text: "第一步：温和洁面\n第二步：保湿 #护肤",
      accountIds,
      images: [{ url: "https://example.com/a.jpg", alt: "" }],
    });
    draftId = draft.id;
  });

  it("refuses an unapproved draft and creates nothing", async () => {
    const res = await schedule({ accountIds, acknowledged: ["no_topics"] });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("SCHEDULE_BLOCKED");
    expect(await jobCount()).toBe(0);
  });

  it("previews staggered times and warns about copies going out together", async () => {
    await advanceDraft(db, ws.admin, draftId, "submit");
    await advanceDraft(db, ws.admin, draftId, "approve");
    const together = await callRoute(previewRoute.POST, "/x", {
      method: "POST",
      token,
      params: { id: draftId },
      body: { accountIds, staggerMinutes: 5 },
    });
    expect(together.status).toBe(200);
    expect(together.json.warnings[0]).toMatchObject({ code: "near_identical_copies", accounts: 5 });
    const spread = await callRoute(previewRoute.POST, "/x", {
      method: "POST",
      token,
      params: { id: draftId },
      body: { accountIds, staggerMinutes: 45 },
    });
    expect(spread.json.warnings).toEqual([]);
    const times = spread.json.jobs.map((j: { runAt: string }) => new Date(j.runAt).getTime());
    expect(times[1] - times[0]).toBe(45 * 60_000);
  });

  it("refuses the whole batch when one account is paused or over its cap, creating nothing", async () => {
    await db.update(accounts).set({ status: "paused" }).where(eq(accounts.id, accountIds[4]));
    const paused = await schedule({ accountIds, staggerMinutes: 45, acknowledged: ["no_topics"] });
    expect(paused.status).toBe(422);
    expect(Object.keys(paused.json.error.fieldErrors)).toEqual([`accounts.${accountIds[4]}`]);
    await db.update(accounts).set({ status: "active", dailyPostCap: 0 }).where(eq(accounts.id, accountIds[3]));
    const capped = await schedule({ accountIds, staggerMinutes: 45, acknowledged: ["no_topics"] });
    expect(capped.json.error.fieldErrors[`accounts.${accountIds[3]}`][0]).toContain("daily_cap");
    expect(await jobCount()).toBe(0);
    await db.update(accounts).set({ dailyPostCap: 3 }).where(eq(accounts.id, accountIds[3]));
    await db.update(accounts).set({ status: "active" }).where(eq(accounts.id, accountIds[4]));
  });

  it("needs the copies warning ticked before five accounts post the same note at once", async () => {
    const res = await schedule({ accountIds, staggerMinutes: 0, acknowledged: ["no_topics"] });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "SCHEDULE_BLOCKED" });
    expect(await jobCount()).toBe(0);
  });

  it("schedules the batch once even when submitted twice, and follows it to published", async () => {
    const body = { accountIds, staggerMinutes: 0, acknowledged: ["no_topics", "near_identical_copies"], batchKey: "client-key-123" };
    const first = await schedule(body);
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    const again = await schedule(body);
    expect(again.json.batchId).toBe(first.json.batchId);
    expect(await jobCount()).toBe(5);
    expect((await db.select().from(drafts).where(eq(drafts.id, draftId)))[0].status).toBe("scheduled");

    for (const job of first.json.jobs)
      await runPublishJob(db, { jobId: job.id, workspaceId: ws.workspaceId, version: job.version }, publishThroughAccount(db));
    const progress = await callRoute(batchRoute.GET, "/x", { token, params: { id: first.json.batchId } });
    expect(progress.json).toMatchObject({ total: 5, done: 5, counts: { published: 5 } });
    expect(progress.json.jobs[0].title).toBe("秋冬护肤清单");
    expect((await db.select().from(drafts).where(eq(drafts.id, draftId)))[0].status).toBe("published");
  });

  it("answers 404 for an unknown batch and for another workspace's accounts", async () => {
    expect((await callRoute(batchRoute.GET, "/x", { token, params: { id: "batch_nope" } })).status).toBe(404);
    const foreign = await callRoute(previewRoute.POST, "/x", {
      method: "POST",
      token,
      params: { id: draftId },
      body: { accountIds: ["acc_elsewhere"] },
    });
    expect(foreign.status).toBe(404);
  });
});
