/**
 * Changing a member: role, active/deactivated, and which accounts they may touch. The last
 * active admin can be neither demoted nor deactivated; nobody deactivates themselves.
 */
import { and, count, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { accounts, memberAccountGrants, members } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { roleSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors/app-error";
import { getMemberOrThrow } from "./queries";
import { idSchema } from "@/lib/validation/id-schema";

export const updateMemberSchema = z
  .object({
    role: roleSchema.optional(),
    status: z.enum(["active", "deactivated"]).optional(),
    accountScope: z.enum(["all", "granted"]).optional(),
    accountIds: z.array(idSchema).max(1000).optional(),
  })
  .strict();

export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

async function otherActiveAdmins(tx: DbOrTx, workspaceId: string, memberId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, "admin"), eq(members.status, "active"), ne(members.id, memberId)));
  return row.n;
}

export async function updateMember(db: Db, ctx: WorkspaceContext, memberId: string, input: UpdateMemberInput) {
  return db.transaction(async (tx) => {
    const before = await getMemberOrThrow(tx, ctx.workspaceId, memberId);
    const losesAdmin =
      before.role === "admin" && before.status === "active" && ((input.role && input.role !== "admin") || input.status === "deactivated");
    if (losesAdmin && (await otherActiveAdmins(tx, ctx.workspaceId, memberId)) === 0) throw new AppError("LAST_ADMIN");
    if (input.status === "deactivated" && before.id === ctx.memberId) {
      throw new AppError("UNPROCESSABLE", { fieldErrors: { status: ["You cannot deactivate yourself"] } });
    }

    const changes = { role: input.role, status: input.status, accountScope: input.accountScope };
    if (Object.values(changes).some((v) => v !== undefined)) {
      await tx.update(members).set(changes).where(eq(members.id, memberId));
    }
    if (input.accountIds) await replaceGrants(tx, ctx.workspaceId, memberId, input.accountIds);

    await recordAudit(tx, ctx, {
      action: input.status === "deactivated" ? "members.deactivate" : "members.update",
      targetType: "member",
      targetId: memberId,
      before: { role: before.role, status: before.status, accountScope: before.accountScope },
      after: { ...changes, accountIds: input.accountIds },
    });
    return getMemberOrThrow(tx, ctx.workspaceId, memberId);
  });
}

async function replaceGrants(tx: DbOrTx, workspaceId: string, memberId: string, accountIds: string[]) {
  const unique = [...new Set(accountIds)];
  if (unique.length) {
    const found = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspaceId), inArray(accounts.id, unique)));
    if (found.length !== unique.length) throw new AppError("NOT_FOUND", { detail: "unknown account id in grants" });
  }
  await tx.delete(memberAccountGrants).where(eq(memberAccountGrants.memberId, memberId));
  if (unique.length) await tx.insert(memberAccountGrants).values(unique.map((accountId) => ({ memberId, accountId })));
}
