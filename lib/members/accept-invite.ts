/** Turning an invite link into a member: the token is checked by digest, once, within 7 days. */
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { invites, members, users, workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { passwordSchema, personNameSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { digestToken } from "@/lib/security/tokens";

export const acceptInviteSchema = z
  .object({ token: z.string().min(10).max(200), name: personNameSchema, password: passwordSchema })
  .strict();

export async function findOpenInvite(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ invite: invites, workspaceName: workspaces.name, workspaceSlug: workspaces.slug })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(and(eq(invites.tokenHash, digestToken(token)), isNull(invites.acceptedAt), gt(invites.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

export async function acceptInvite(db: Db, input: z.infer<typeof acceptInviteSchema>, meta: { ip?: string } = {}) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const open = await findOpenInvite(tx, input.token);
    if (!open) throw new AppError("INVITE_INVALID");
    const { invite } = open;
    // Claim the invite first: a second click with the same link finds nothing to accept.
    const claimed = await tx
      .update(invites)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt)))
      .returning({ id: invites.id });
    if (claimed.length === 0) throw new AppError("INVITE_INVALID");

    const [existingUser] = await tx.select().from(users).where(eq(users.email, invite.email)).limit(1);
    const userId = existingUser?.id ?? newId("usr");
    if (!existingUser) await tx.insert(users).values({ id: userId, email: invite.email, name: input.name, passwordHash });
    const memberId = newId("mem");
    await tx.insert(members).values({ id: memberId, workspaceId: invite.workspaceId, userId, role: invite.role }).onConflictDoNothing();
    await recordAudit(
      tx,
      { userId, userName: input.name, workspaceId: invite.workspaceId, ip: meta.ip },
      { action: "members.accept_invite", targetType: "member", targetId: memberId, after: { email: invite.email, role: invite.role } },
    );
    return { email: invite.email, workspaceSlug: open.workspaceSlug };
  });
}
