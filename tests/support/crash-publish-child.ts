/**
 * Run as a child process by publish-crash.test.ts: handles one delivery of a job with the real
 * runPublishJob and the real sandbox publisher, and kills itself (SIGKILL, no cleanup, no
 * flush) at the point named by CRASH_AT:
 *   after-claim   — the claim committed, nothing published yet;
 *   in-outcome    — inside the outcome transaction, after the sandbox record was written, before COMMIT;
 *   after-outcome — right after the relaxed (synchronous=NORMAL) outcome commit returned.
 * Env: DATABASE_URL (the test's file), JOB_ID, WORKSPACE_ID.
 */
import { getDb } from "@/lib/database";
import { publishThroughAccount } from "@/lib/scheduling/publish-job-note";
import type { PublishFn } from "@/lib/scheduling/publish-outcome";
import { runPublishJob } from "@/lib/scheduling/run-publish-job";

const crashAt = process.env.CRASH_AT;
const die = () => process.kill(process.pid, "SIGKILL");

async function main() {
  const db = getDb();
  const sandbox = publishThroughAccount(db);
  const publish: PublishFn = async (job) => {
    if (crashAt === "after-claim") die();
    const outcome = await sandbox(job);
    if (crashAt !== "in-outcome" || outcome.kind !== "published") return outcome;
    return {
      ...outcome,
      record: async (tx) => {
        await outcome.record?.(tx);
        die();
      },
    };
  };
  await runPublishJob(db, { jobId: process.env.JOB_ID!, workspaceId: process.env.WORKSPACE_ID!, version: 1 }, publish);
  if (crashAt === "after-outcome") die();
  process.exit(3); // reaching here means the crash point was never hit
}

void main();
