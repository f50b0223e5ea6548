/**
 * A stand-in for the app's publish webhook route, listening on its own port so QStash (the
 * stand-in) can call it: verifies the QStash signature exactly as the route does, then runs the
 * route's own handler (handleDelivery: claim, publish, retry or early-delivery requests) against
 * the real database, with the test's publisher. Answers 200 with the result, as the route does.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/db/client";
import type { SchedulerDriver } from "@/lib/scheduling/drivers/scheduler-driver";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import { handleDelivery } from "@/lib/scheduling/handle-publish-webhook";
import type { PublishFn } from "@/lib/scheduling/publish-outcome";
import { verifyQstashRequest, type SigningKeys } from "@/lib/jobs/qstash-signature";

type Result = { result: string };

export async function startPublishReceiver(options: { db: Db; keys: SigningKeys; publish: PublishFn; driver?: () => SchedulerDriver }) {
  const results: (Result | { result: "unauthorized" })[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = `${base}${req.url}`;
    if (
      !(await verifyQstashRequest({
        signature: (req.headers["upstash-signature"] as string | undefined) ?? null,
        url,
        body,
        keys: options.keys,
      }))
    ) {
      results.push({ result: "unauthorized" });
      return res.writeHead(401).end();
    }
    const delivery = JSON.parse(body) as { jobId: string; workspaceId: string; version: number };
    try {
      const outcome = await handleDelivery(options.db, options.driver?.() ?? embeddedDriver, delivery, options.publish);
      results.push(outcome);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(outcome));
    } catch (error) {
      results.push({ result: "error" });
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, results, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
