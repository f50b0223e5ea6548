/**
 * A process killed (SIGKILL) at each point of a publish, against the real file database:
 * nothing committed is lost, nothing is published twice, and whatever was in flight ends up
 * where the sweep hands it to a person. The outcome commits at synchronous=NORMAL: that only
 * matters for a power cut, which a test cannot cause (see run-publish-job.ts for why it is
 * harmless); a process crash must lose nothing, and this shows it.
 */
import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { publishJobs, sandboxPublications } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { getEnv } from "@/lib/env";
import { createPublishJob } from "@/lib/scheduling/create-publish-job";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import { publishThroughAccount } from "@/lib/scheduling/publish-job-note";
import { runPublishJob } from "@/lib/scheduling/run-publish-job";
import { sweepJobs } from "@/lib/scheduling/sweep";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const snapshot = { title: "深夜食堂探店", body: "三家开到凌晨的小馆", topics: ["探店"], images: ["https://example.com/night.jpg"] };

function crashChild(
  crashAt: string,
  jobId: string,
  workspaceId: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/crash-publish-child.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: getEnv().database.url,
        CRASH_AT: crashAt,
        JOB_ID: jobId,
        WORKSPACE_ID: workspaceId,
        LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe("a publish killed mid-way", { timeout: 60_000 }, () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let accountId = "";
  const job = async (id: string) => (await db.select().from(publishJobs).where(eq(publishJobs.id, id)))[0];
  const records = async (id: string) =>
    (await db.select().from(sandboxPublications).where(eq(sandboxPublications.accountId, accountId))).filter((p) =>
      JSON.stringify(p.payload).includes(id),
    );
  /** A redelivery after the crash (QStash retry or the dispatcher's next tick). */
  const redeliver = (id: string) => runPublishJob(db, { jobId: id, workspaceId: ws.workspaceId, version: 1 }, publishThroughAccount(db));
  const sweepLater = () => sweepJobs(db, new Date(Date.now() + 11 * 60_000));

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    accountId = (await createAccount(db, ws.admin, { name: "深夜食堂", redId: "night_food" })).id;
  });

  it("after the claim: the job stays publishing, is never published again, and the sweep hands it to a person", async () => {
    const { id } = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const run = await crashChild("after-claim", id, ws.workspaceId);
    expect(run.signal, run.stderr).toBe("SIGKILL");
    expect((await job(id)).status).toBe("publishing");
    expect(await redeliver(id)).toEqual({ result: "skipped" });
    await sweepLater();
    expect((await job(id)).status).toBe("unconfirmed");
    expect(await records(id)).toHaveLength(0);
  });

  it("inside the outcome transaction: the record rolls back with it, and the job goes to a person, never published twice", async () => {
    const { id } = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const run = await crashChild("in-outcome", id, ws.workspaceId);
    expect(run.signal, run.stderr).toBe("SIGKILL");
    expect((await job(id)).status).toBe("publishing");
    expect(await records(id)).toHaveLength(0);
    expect(await redeliver(id)).toEqual({ result: "skipped" });
    await sweepLater();
    expect((await job(id)).status).toBe("unconfirmed");
  });

  it("after the relaxed outcome commit: the outcome and its record survive the crash", async () => {
    const { id } = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const run = await crashChild("after-outcome", id, ws.workspaceId);
    expect(run.signal, run.stderr).toBe("SIGKILL");
    expect((await job(id)).status).toBe("published");
    expect(await records(id)).toHaveLength(1);
    expect(await redeliver(id)).toEqual({ result: "skipped" });
  });
});
