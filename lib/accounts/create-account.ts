/** Adds a RED account to the workspace. (The full account matrix builds on this.) */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";

export const createAccountSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    redId: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_.-]+$/, "Letters, digits, _ . - only"),
  })
  .strict();

export async function createAccount(db: Db, ctx: WorkspaceContext, input: z.infer<typeof createAccountSchema>) {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, ctx.workspaceId), eq(accounts.redId, input.redId)))
      .limit(1);
    if (existing) throw new AppError("CONFLICT", { fieldErrors: { redId: ["This RED id is already in the workspace"] } });
    const [account] = await tx
      .insert(accounts)
      .values({ id: newId("acc"), workspaceId: ctx.workspaceId, name: input.name, redId: input.redId })
      .returning();
    await recordAudit(tx, ctx, { action: "accounts.create", targetType: "account", targetId: account.id, after: input });
    return account;
  });
}
