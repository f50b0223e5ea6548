/**
 * API tokens: shown once, stored as a sha256 digest, limited to a subset of their creator's
 * permissions (and, at use, to what the creator still has), optionally expiring.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { permissions } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { digestToken, randomToken } from "@/lib/security/tokens";

export const apiTokenPrefix = "rmx_";

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    permissions: z.array(z.enum(permissions)).min(1).max(permissions.length),
    expiresInDays: z.coerce.number().int().min(1).max(3650).nullable().default(90),
  })
  .strict();

export async function createApiToken(db: Db, ctx: WorkspaceContext, input: z.infer<typeof createApiTokenSchema>) {
  const notHeld = input.permissions.filter((p) => !ctx.permissions.has(p));
  if (notHeld.length) {
    throw new AppError("FORBIDDEN", { fieldErrors: { permissions: [`Not yours to grant: ${notHeld.join(", ")}`] } });
  }
  const token = randomToken(apiTokenPrefix);
  const id = newId("tok");
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  await db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({
      id,
      workspaceId: ctx.workspaceId,
      userId: ctx.userId,
      name: input.name,
      tokenHash: digestToken(token),
      prefix: token.slice(0, apiTokenPrefix.length + 6),
      permissions: [...new Set(input.permissions)],
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: "tokens.create",
      targetType: "api_token",
      targetId: id,
      after: { name: input.name, permissions: input.permissions, expiresAt },
    });
  });
  return { id, token, expiresAt };
}

/** The live token row for a bearer value, or null (unknown, revoked or expired). */
export async function findLiveToken(db: DbOrTx, token: string) {
  if (!token.startsWith(apiTokenPrefix)) return null;
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, digestToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  return row;
}

export async function listApiTokens(db: DbOrTx, workspaceId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      permissions: apiTokens.permissions,
      userId: apiTokens.userId,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.workspaceId, workspaceId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, ctx: WorkspaceContext, tokenId: string) {
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, ctx.workspaceId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (revoked.length === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { action: "tokens.revoke", targetType: "api_token", targetId: tokenId, before: { name: revoked[0].name } });
  });
}
