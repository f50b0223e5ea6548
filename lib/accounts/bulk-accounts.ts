/**
 * Bulk actions on selected accounts. Input is validated and every id must be visible to the
 * caller before anything runs (an unseen id answers NOT_FOUND for the whole request). Then each
 * account runs in its own transaction and gets its own result line, so one account's failure
 * (e.g. an unreachable bridge) does not undo the others.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError, toAppError } from "@/lib/errors/app-error";
import { applyStatus } from "./account-status";
import { requireMembers, setAccountGrant } from "./account-grants";
import { accountFieldsSchema } from "./account-schema";
import { checkAccountConnection } from "./check-connection";
import { requireVisibleAccounts } from "./queries";
import { idSchema } from "@/lib/validation/id-schema";

const ids = z.array(idSchema).min(1).max(200);
const mode = z.enum(["replace", "add", "remove"]).default("replace");

export const bulkAccountsSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("pause"), accountIds: ids, reason: z.string().trim().max(200).optional() }).strict(),
  z.object({ action: z.literal("resume"), accountIds: ids }).strict(),
  z.object({ action: z.literal("set_groups"), accountIds: ids, groups: accountFieldsSchema.shape.groups, mode }).strict(),
  z.object({ action: z.literal("set_tags"), accountIds: ids, tags: accountFieldsSchema.shape.tags, mode }).strict(),
  z.object({ action: z.literal("grant"), accountIds: ids, memberIds: z.array(z.string().min(1)).min(1).max(100) }).strict(),
  z.object({ action: z.literal("revoke"), accountIds: ids, memberIds: z.array(z.string().min(1)).min(1).max(100) }).strict(),
  // Each check is a network call (up to ~20 s when a bridge hangs): keep one request short.
  z.object({ action: z.literal("check_connection"), accountIds: ids.max(20, "At most 20 connection checks per request") }).strict(),
]);

export type BulkAccountsInput = z.infer<typeof bulkAccountsSchema>;
export type BulkResult = { accountId: string; name: string; ok: boolean; status: Account["status"]; message: string };

function merge(current: string[], given: string[], how: "replace" | "add" | "remove"): string[] {
  if (how === "replace") return given;
  if (how === "add") return [...new Set([...current, ...given])];
  return current.filter((x) => !given.includes(x));
}

async function runOne(
  db: Db,
  ctx: WorkspaceContext,
  account: Account,
  input: BulkAccountsInput,
  memberRows: { id: string; accountScope: "all" | "granted" }[],
): Promise<BulkResult> {
  const base = { accountId: account.id, name: account.name };
  if (input.action === "check_connection") {
    const r = await checkAccountConnection(db, ctx, account.id);
    return { ...base, ok: r.ok, status: r.status, message: r.message };
  }
  return db.transaction(async (tx) => {
    switch (input.action) {
      case "pause":
        if (account.status === "paused") return { ...base, ok: true, status: account.status, message: "Already paused" };
        await applyStatus(tx, ctx, account, "paused", input.reason || `Paused by ${ctx.userName}`, "accounts.pause");
        return { ...base, ok: true, status: "paused" as const, message: "Paused" };
      case "resume":
        if (account.status === "active") return { ...base, ok: true, status: account.status, message: "Already active" };
        await applyStatus(tx, ctx, account, "active", null, "accounts.resume");
        return { ...base, ok: true, status: "active" as const, message: "Resumed" };
      case "set_groups":
      case "set_tags": {
        const field = input.action === "set_groups" ? "groups" : "tags";
        const given = input.action === "set_groups" ? input.groups : input.tags;
        const next = merge(account[field], given, input.mode);
        await tx
          .update(accounts)
          .set({ [field]: next })
          .where(and(eq(accounts.id, account.id), eq(accounts.workspaceId, ctx.workspaceId)));
        await recordAudit(tx, ctx, {
          action: "accounts.update",
          targetType: "account",
          targetId: account.id,
          before: { [field]: account[field] },
          after: { [field]: next },
        });
        return { ...base, ok: true, status: account.status, message: next.join(", ") || "—" };
      }
      case "grant":
      case "revoke": {
        const notes = await setAccountGrant(tx, ctx, account.id, memberRows, input.action === "grant");
        return {
          ...base,
          ok: true,
          status: account.status,
          message: notes.join("; ") || (input.action === "grant" ? "Granted" : "Revoked"),
        };
      }
    }
  });
}

export async function runBulkAction(db: Db, ctx: WorkspaceContext, input: BulkAccountsInput): Promise<{ results: BulkResult[] }> {
  const rows = await requireVisibleAccounts(db, ctx, input.accountIds);
  if (!rows)
    throw new AppError("NOT_FOUND", { fieldErrors: { accountIds: ["One or more accounts do not exist or are not visible to you"] } });
  const memberRows = input.action === "grant" || input.action === "revoke" ? await requireMembers(db, ctx, input.memberIds) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results: BulkResult[] = [];
  for (const id of [...new Set(input.accountIds)]) {
    const account = byId.get(id)!;
    try {
      results.push(await runOne(db, ctx, account, input, memberRows));
    } catch (error) {
      const appError = toAppError(error);
      results.push({ accountId: id, name: account.name, ok: false, status: account.status, message: appError.message });
    }
  }
  return { results };
}
