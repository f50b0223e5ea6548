/** The dashboard's numbers come from the data, scoped to what the viewer may see. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createAccount } from "@/lib/accounts/create-account";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import { workspaceOverview } from "@/lib/dashboard/workspace-overview";
import { createDraft } from "@/lib/drafts/create-draft";
import { advanceDraft } from "@/lib/drafts/workflow";
import { updateMember } from "@/lib/members/update-member";
import { createPublishJob } from "@/lib/scheduling/create-publish-job";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import { runPublishJob } from "@/lib/scheduling/run-publish-job";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const snapshot = { title: "周末咖啡地图", body: "正文", topics: [], images: [] };

describe("dashboard overview", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
  });

  it("counts upcoming posts, posts needing attention and drafts in review, per visible account", async () => {
    const a = await createAccount(db, ws.admin, { name: "A 号", redId: "acc_a" });
    const b = await createAccount(db, ws.admin, { name: "B 号", redId: "acc_b" });
    await createPublishJob(db, embeddedDriver, ws.admin, { accountId: a.id, snapshot, runAt: new Date(Date.now() + 86_400_000) });
    await createPublishJob(db, embeddedDriver, ws.admin, { accountId: b.id, snapshot, runAt: new Date(Date.now() + 2 * 86_400_000) });
    await createPublishJob(db, embeddedDriver, ws.admin, { accountId: b.id, snapshot, runAt: new Date(Date.now() + 30 * 86_400_000) });
    const failing = await createPublishJob(db, embeddedDriver, ws.admin, { accountId: b.id, snapshot, runAt: new Date() });
    await runPublishJob(db, { jobId: failing.id, workspaceId: ws.workspaceId, version: 1 }, async () => ({
      kind: "rejected",
      code: "X",
      reason: "refused",
    }));
    const draft = await createDraft(db, ws.admin, { title: "待审", text: "正文", accountIds: [b.id] });
    await advanceDraft(db, ws.admin, draft.id, "submit");

    expect(await workspaceOverview(db, ws.admin, { withActivity: false })).toMatchObject({
      accounts: 2,
      scheduledNext7d: 2,
      needsAttention: 1,
      draftsInReview: 1,
    });

    const limited = await memberWithToken(db, ws.admin, "operator", "only-a@example.com");
    await updateMember(db, ws.admin, limited.memberId, { accountScope: "granted", accountIds: [a.id] });
    const ctx = await loadWorkspaceContext(db, { userId: limited.ctx.userId, workspace: { id: ws.workspaceId }, via: "session" });
    expect(await workspaceOverview(db, ctx!, { withActivity: false })).toMatchObject({
      accounts: 1,
      scheduledNext7d: 1,
      needsAttention: 0,
      draftsInReview: 0,
    });
  });
});
