/** The zod field for a publisher URL, checked against the environment's private-address policy. */
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { publisherUrlProblem } from "./publisher-url";

export const publisherUrlSchema = z
  .string()
  .trim()
  .max(500)
  .superRefine((value, ctx) => {
    const problem = publisherUrlProblem(value, getEnv().outbound.privateAccess);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
