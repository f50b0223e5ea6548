/**
 * Every background job: what QStash or the embedded dispatcher calls, with its payload. Each
 * route under app/api/webhooks is `jobRoute(jobs.x)` (tests/unit/job-routes.test.ts checks it);
 * jobs on a clock also have an entry in periodic-jobs.ts. Adding a job: an entry here, a
 * one-line route, and a cadence if it runs on a clock.
 */
import { z } from "zod";
import { healthCheckAccounts } from "@/lib/accounts/health-check-accounts";
import { configuredDataBridge } from "@/lib/competitors/collect/bridge-client-for";
import { collectionWebhookSchema, runScheduledCollection } from "@/lib/competitors/collect/run-scheduled-collection";
import { runDueWeeklyReports } from "@/lib/competitors/reports/run-due-weekly-reports";
import { runScheduledMaintenance } from "@/lib/memory/maintenance/run-scheduled-maintenance";
import { runPendingReembedJobs } from "@/lib/memory/vectors/reembed-job";
import { failureSchema, recordDeadLetter, runSweep } from "@/lib/scheduling/handle-maintenance-webhooks";
import { deliverySchema, handleDelivery } from "@/lib/scheduling/handle-publish-webhook";
import { publishThroughAccount } from "@/lib/scheduling/publish-job-note";
import { handleSeriesDelivery, seriesDeliverySchema } from "@/lib/scheduling/series/series-delivery";
import { idSchema } from "@/lib/validation/id-schema";
import { defineJob } from "@/lib/next/job-route";
import * as paths from "./job-paths";

const noPayload = z.object({}).strict();

export const jobs = {
  /** One delivery of a publish job: claim, publish, record the outcome. */
  publish: defineJob({
    path: paths.publishWebhookPath,
    schema: deliverySchema,
    run: (d, { db, scheduler }) => handleDelivery(db, scheduler, d, publishThroughAccount(db)),
  }),
  /** QStash gave up on a publish message. */
  publishFailed: defineJob({ path: paths.publishFailureWebhookPath, schema: failureSchema, run: (f, { db }) => recordDeadLetter(db, f) }),
  /** A recurring series' occurrence is due. */
  series: defineJob({
    path: paths.seriesWebhookPath,
    schema: seriesDeliverySchema,
    run: (d, { db, scheduler }) => handleSeriesDelivery(db, scheduler, d),
  }),
  /** Lost deliveries, the outbox, due series, notifications, re-embedding, schedules. */
  sweep: defineJob({
    path: paths.sweepWebhookPath,
    schema: z.object({}).passthrough(),
    run: (_, { db, scheduler }) => runSweep(db, scheduler),
  }),
  accountHealth: defineJob({ path: paths.accountHealthWebhookPath, schema: noPayload, run: (_, { db }) => healthCheckAccounts(db) }),
  /** Competitors through the data bridge (skipped when XHS_DATA_BRIDGE_URL is unset), own accounts through their bridges. */
  collection: defineJob({
    path: paths.collectionWebhookPath,
    schema: collectionWebhookSchema,
    run: (input, { db }) => runScheduledCollection(db, input, configuredDataBridge(), { pauseMs: 1500 }),
  }),
  /** Weekly competitor report emails (it decides itself what is due). */
  competitorReport: defineJob({ path: paths.weeklyReportWebhookPath, schema: noPayload, run: (_, { db }) => runDueWeeklyReports(db) }),
  /** Daily memory cleanup, compression and keyword-index merge. */
  maintenance: defineJob({
    path: paths.maintenanceWebhookPath,
    schema: z.object({ workspaceId: idSchema.optional() }).strict(),
    run: async (input, { db }) => ({ workspaces: await runScheduledMaintenance(db, input) }),
  }),
  /** A slice of every running re-embedding job. */
  memoryReembed: defineJob({
    path: paths.reembedWebhookPath,
    schema: noPayload,
    run: (_, { db }) => runPendingReembedJobs(db, { budgetMs: 8_000 }),
  }),
};
