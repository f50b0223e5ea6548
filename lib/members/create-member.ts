/**
 * Adding people to a workspace: directly with a one-time initial password (shown once), or by
 * an invite link valid for 7 days (only its digest is stored).
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { invites, members, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema, personNameSchema, roleSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { digestToken, randomPassword, randomToken } from "@/lib/security/tokens";

export const inviteValidityMs = 7 * 24 * 60 * 60 * 1000;

export const createMemberSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    role: roleSchema,
    method: z.enum(["password", "invite"]).default("password"),
  })
  .strict();

export type CreateMemberInput = z.infer<typeof createMemberSchema>;
export type CreateMemberResult =
  | { method: "password"; memberId: string; initialPassword: string | null }
  | { method: "invite"; inviteId: string; inviteToken: string; expiresAt: Date };

export async function createMember(db: Db, ctx: WorkspaceContext, input: CreateMemberInput): Promise<CreateMemberResult> {
  if (input.method === "invite") return createInvite(db, ctx, input);

  const initialPassword = randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  return db.transaction(async (tx) => {
    const [existingUser] = await tx.select().from(users).where(eq(users.email, input.email)).limit(1);
    if (existingUser) {
      const [membership] = await tx
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.workspaceId, ctx.workspaceId), eq(members.userId, existingUser.id)))
        .limit(1);
      if (membership) throw new AppError("EMAIL_TAKEN", { fieldErrors: { email: ["Already a member"] } });
    }
    const userId = existingUser?.id ?? newId("usr");
    if (!existingUser) await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash });
    const memberId = newId("mem");
    await tx.insert(members).values({ id: memberId, workspaceId: ctx.workspaceId, userId, role: input.role });
    await recordAudit(tx, ctx, {
      action: "members.create",
      targetType: "member",
      targetId: memberId,
      after: { email: input.email, name: input.name, role: input.role },
    });
    // An existing user keeps their own password: nothing to show.
    return { method: "password" as const, memberId, initialPassword: existingUser ? null : initialPassword };
  });
}

async function createInvite(db: Db, ctx: WorkspaceContext, input: CreateMemberInput): Promise<CreateMemberResult> {
  const inviteToken = randomToken("inv_");
  const expiresAt = new Date(Date.now() + inviteValidityMs);
  const inviteId = newId("inv");
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: members.id })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.workspaceId, ctx.workspaceId), eq(users.email, input.email)))
      .limit(1);
    if (existing) throw new AppError("EMAIL_TAKEN", { fieldErrors: { email: ["Already a member"] } });
    await tx.insert(invites).values({
      id: inviteId,
      workspaceId: ctx.workspaceId,
      email: input.email,
      name: input.name,
      role: input.role,
      tokenHash: digestToken(inviteToken),
      expiresAt,
      createdBy: ctx.userId,
    });
    await recordAudit(tx, ctx, {
      action: "members.invite",
      targetType: "invite",
      targetId: inviteId,
      after: { email: input.email, role: input.role, expiresAt },
    });
  });
  return { method: "invite", inviteId, inviteToken, expiresAt };
}
