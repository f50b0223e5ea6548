/**
 * A memory's account must be an active RED account of its workspace that the writer may use
 * (a member limited to some accounts cannot file memories under the others). Otherwise
 * MEMORY_ACCOUNT_NOT_FOUND (404), the same answer whether the account is foreign or hidden.
 */
import type { DbOrTx } from "@/db/client";
import { getAccount } from "@/lib/accounts/queries";
import { AppError } from "@/lib/errors/app-error";
import type { MemoryActor } from "./memory-access";

export async function assertMemoryAccount(db: DbOrTx, actor: MemoryActor, accountId: string): Promise<void> {
  const account = await getAccount(db, { workspaceId: actor.workspaceId, accountIds: actor.accountIds ?? null }, accountId);
  if (!account) throw new AppError("MEMORY_ACCOUNT_NOT_FOUND", { details: { accountId } });
}
