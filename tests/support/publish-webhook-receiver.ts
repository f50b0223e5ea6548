/**
 * A stand-in for the app's publish webhook (the route lands with the publisher registry):
 * verifies the QStash signature exactly as the route will, then runs the real
 * runPublishJob against the real database.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/db/client";
import type { SchedulerDriver } from "@/lib/scheduling/drivers/scheduler-driver";
import type { PublishFn } from "@/lib/scheduling/publish-outcome";
import { verifyQstashRequest, type SigningKeys } from "@/lib/scheduling/qstash-signature";
import { runPublishJob, type DeliveryResult } from "@/lib/scheduling/run-publish-job";

export async function startPublishReceiver(options: { db: Db; keys: SigningKeys; publish: PublishFn; driver?: () => SchedulerDriver }) {
  const results: (DeliveryResult | { result: "unauthorized" })[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = `${base}${req.url}`;
    if (!(await verifyQstashRequest({ signature: req.headers["upstash-signature"] as string | undefined ?? null, url, body, keys: options.keys }))) {
      results.push({ result: "unauthorized" });
      return res.writeHead(401).end();
    }
    const delivery = JSON.parse(body) as { jobId: string; workspaceId: string; version: number };
    const outcome = await runPublishJob(options.db, delivery, options.publish);
    results.push(outcome);
    if (outcome.result === "retry" && options.driver) {
      await options.driver().enqueue({ ...delivery, version: outcome.job.version, runAt: outcome.job.runAt });
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ result: outcome.result }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, results, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
