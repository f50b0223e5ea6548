/**
 * Plans one draft going out to several accounts: the time for each (now or a chosen time,
 * optionally staggered by M minutes), each account's posting-rule violations with the next
 * free slot offered, and a warning when near-identical notes would go out from several
 * accounts close together (RED tends to throttle matrix accounts that post copies at once).
 */
import { and, gte, inArray, lte, ne } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { accounts, publishJobs } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { accountScopeFilter } from "@/lib/accounts/queries";
import { AppError } from "@/lib/errors/app-error";
import { zonedDateTime } from "@/lib/time/zoned";
import { accountRules, nextFreeSlot, slotViolations, type SlotViolation } from "./slot-rules";
import { idSchema } from "@/lib/validation/id-schema";

export const batchPlanSchema = z
  .object({
    accountIds: z.array(idSchema).min(1).max(100),
    runAt: z.coerce.date().optional(),
    /** A wall-clock time ("2026-11-23T20:30") in the workspace's time zone, as a form gives it. */
    runAtLocal: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
      .optional(),
    staggerMinutes: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(0),
  })
  .strict();

export type BatchPlanInput = z.infer<typeof batchPlanSchema>;
export type PlannedJob = {
  accountId: string;
  accountName: string;
  runAt: Date;
  violations: SlotViolation[];
  nextFreeSlot: Date | null;
  blocked: string | null;
};

const copyWindowMs = 30 * 60_000;
const maxAheadMs = 365 * 86_400_000;

export async function planBatch(db: DbOrTx, ctx: WorkspaceContext, raw: BatchPlanInput, workspaceTimezone: string, now = new Date()) {
  const input = {
    ...raw,
    runAt: raw.runAt ?? (raw.runAtLocal ? (zonedDateTime(raw.runAtLocal, workspaceTimezone) ?? undefined) : undefined),
  };
  const ids = [...new Set(input.accountIds)];
  const found = await db
    .select()
    .from(accounts)
    .where(and(accountScopeFilter(ctx), inArray(accounts.id, ids)));
  if (found.length !== ids.length) throw new AppError("NOT_FOUND", { fieldErrors: { accountIds: ["Unknown account"] } });
  if (input.runAt && input.runAt.getTime() < now.getTime() - 60_000)
    throw new AppError("UNPROCESSABLE", { fieldErrors: { runAt: ["In the past"] } });
  const base = input.runAt && input.runAt.getTime() > now.getTime() ? input.runAt : now;
  const last = base.getTime() + (ids.length - 1) * input.staggerMinutes * 60_000;
  if (last > now.getTime() + maxAheadMs) throw new AppError("UNPROCESSABLE", { fieldErrors: { runAt: ["More than a year ahead"] } });
  const planned = ids.map((id, i) => ({
    account: found.find((a) => a.id === id)!,
    runAt: new Date(base.getTime() + i * input.staggerMinutes * 60_000),
  }));

  const from = new Date(Math.min(...planned.map((p) => p.runAt.getTime())) - 2 * 86_400_000);
  const to = new Date(Math.max(...planned.map((p) => p.runAt.getTime())) + 16 * 86_400_000);
  const existing = await db
    .select({ accountId: publishJobs.accountId, runAt: publishJobs.runAt, status: publishJobs.status })
    .from(publishJobs)
    .where(
      and(
        inArray(publishJobs.accountId, ids),
        gte(publishJobs.runAt, from),
        lte(publishJobs.runAt, to),
        ne(publishJobs.status, "canceled"),
      ),
    );

  const jobs: PlannedJob[] = planned.map(({ account, runAt }) => {
    const taken = existing.filter((e) => e.accountId === account.id && e.status !== "failed").map((e) => e.runAt);
    const rules = accountRules(account, workspaceTimezone);
    const violations = slotViolations(runAt, taken, rules);
    const blocked = account.archivedAt ? "archived" : account.status !== "active" ? account.status : null;
    return {
      accountId: account.id,
      accountName: account.name,
      runAt,
      violations,
      nextFreeSlot: violations.length ? nextFreeSlot(runAt, taken, rules) : null,
      blocked,
    };
  });
  const closeCopies = jobs.length > 1 && input.staggerMinutes * 60_000 < copyWindowMs;
  return {
    timezone: workspaceTimezone,
    jobs,
    warnings: closeCopies ? [{ code: "near_identical_copies" as const, accounts: jobs.length, withinMinutes: copyWindowMs / 60_000 }] : [],
  };
}
