/**
 * Changing one's own password ends every other session (the session version moves on) and
 * revokes the user's API tokens in every workspace: a password is changed most often because it
 * leaked, and a token made with it must not outlive it. The form says how many were revoked.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword, verifyPassword } from "./password";

export async function changePassword(
  db: Db,
  actor: AuditActor,
  input: { currentPassword: string; newPassword: string },
): Promise<{ email: string; sessionVersion: number; revokedTokens: number }> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("WRONG_PASSWORD", { fieldErrors: { currentPassword: ["Incorrect"] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    await recordAudit(tx, actor, {
      action: "users.change_password",
      targetType: "user",
      targetId: user.id,
      after: { revokedTokens: revoked.length },
    });
    return { email: user.email, sessionVersion: updated.sessionVersion, revokedTokens: revoked.length };
  });
}
