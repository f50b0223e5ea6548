/**
 * The one way a background webhook becomes a route: request id, metrics and the error envelope,
 * and the QStash signature verified before the job's code runs, always (a route cannot forget
 * it; dub's `withCron` is the model). The job gets its verified, zod-parsed payload and the
 * database and scheduler it works with.
 */
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/lib/database";
import { errorResponse } from "./error-response";
import { observeRequest } from "./observe-request";
import { requestIdOf } from "./request-info";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import type { SchedulerDriver } from "@/lib/scheduling/drivers/scheduler-driver";
import { verifyWebhook } from "@/lib/jobs/verify-webhook";

export type JobDeps = { db: Db; scheduler: SchedulerDriver };

export type Job<S extends z.ZodType = z.ZodType> = {
  /** The route's path, which QStash and the embedded dispatcher sign. */
  path: string;
  /** The payload, checked after the signature. */
  schema: S;
  run: (input: z.infer<S>, deps: JobDeps) => Promise<unknown>;
};

export const defineJob = <S extends z.ZodType>(job: Job<S>): Job<S> => job;

export type JobRoute = ((req: NextRequest) => Promise<Response>) & { job: Job };

export function jobRoute<S extends z.ZodType>(job: Job<S>): JobRoute {
  const route = async (req: NextRequest): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    const started = performance.now();
    try {
      const input = await verifyWebhook(req, job.path, job.schema);
      const result = await job.run(input, { db: getDb(), scheduler: getSchedulerDriver() });
      return observeRequest(req, Response.json(result ?? { ok: true }, { headers: { "x-request-id": requestId } }), requestId, started);
    } catch (error) {
      return observeRequest(req, errorResponse(error, "en", requestId), requestId, started);
    }
  };
  return Object.assign(route, { job: job as Job });
}
