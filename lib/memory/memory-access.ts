/**
 * Who sees and who changes a memory. A memory is visible to its owner, or to every member with
 * memories.read when its privacy is "workspace" (and, for a member limited to some RED accounts,
 * when it is about no account or one of theirs: docs/adr/0009-memory-scopes.md). Anything else
 * answers NOT_FOUND, so a private memory's existence never leaks.
 */
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { memoryColumns, type MemoryRow } from "./memory-view";

/**
 * The acting user: a member's context, or the owner on whose behalf maintenance runs.
 * `accountIds`: the only RED accounts the member may use (null or absent: all of them).
 */
export type MemoryActor = AuditActor & { workspaceId: string; canManage?: boolean; accountIds?: string[] | null };

export function actorOf(ctx: {
  workspaceId: string;
  userId: string;
  userName: string;
  ip?: string;
  requestId?: string;
  permissions: ReadonlySet<string>;
  accountIds?: string[] | null;
}): MemoryActor {
  return { ...ctx, canManage: ctx.permissions.has("memories.manage") };
}

export function visibleTo(
  actor: Pick<MemoryActor, "workspaceId" | "userId" | "accountIds">,
  options: { includeCompressed?: boolean } = {},
): SQL {
  const ids = actor.accountIds;
  return and(
    eq(memories.workspaceId, actor.workspaceId),
    or(eq(memories.ownerId, actor.userId), eq(memories.privacy, "workspace")),
    // Someone else's memory about an account this member may not use stays out of sight.
    ids
      ? or(eq(memories.ownerId, actor.userId), isNull(memories.accountId), ids.length ? inArray(memories.accountId, ids) : undefined)
      : undefined,
    options.includeCompressed ? undefined : isNull(memories.compressedInto),
  )!;
}

export async function findVisibleMemory(
  db: DbOrTx,
  actor: MemoryActor,
  id: string,
  options: { includeCompressed?: boolean } = {},
): Promise<MemoryRow> {
  const [row] = await db
    .select(memoryColumns)
    .from(memories)
    .where(and(eq(memories.id, id), visibleTo(actor, options)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** The owner changes their memory; someone else's workspace memory needs memories.manage. */
export function assertCanChange(actor: MemoryActor, row: MemoryRow): void {
  if (row.ownerId !== actor.userId && !actor.canManage) throw new AppError("FORBIDDEN");
}
