/**
 * Creating, editing and deleting competitors. Each mutation runs in one transaction with its
 * audit event; deleting removes the competitor's whole history (snapshots, notes, rollups).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import {
  collectionStatus,
  competitorAlerts,
  competitors,
  noteSnapshots,
  profileSnapshots,
  subjectDaily,
  topicDaily,
  trackedNotes,
  type Competitor,
} from "@/db/schema";
import { accounts } from "@/db/schema";
import { accountScopeFilter } from "@/lib/accounts/queries";
import { invalidateAnalytics } from "../cache/analytics-cache";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { requireCompetitor } from "../queries/competitor-queries";
import type { CreateCompetitorInput, UpdateCompetitorInput } from "./competitor-schemas";

async function checkAccounts(tx: DbOrTx, ctx: WorkspaceContext, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(accountScopeFilter(ctx), inArray(accounts.id, ids)));
  if (found.length !== new Set(ids).size)
    throw new AppError("VALIDATION_FAILED", { fieldErrors: { comparedAccountIds: ["Unknown own account"] } });
}

async function checkUnique(tx: DbOrTx, workspaceId: string, redUserId: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: competitors.id })
    .from(competitors)
    .where(and(eq(competitors.workspaceId, workspaceId), eq(competitors.redUserId, redUserId)))
    .limit(1);
  if (row && row.id !== exceptId) throw new AppError("CONFLICT", { fieldErrors: { redUserId: ["This RED user is already tracked"] } });
}

export async function createCompetitor(db: Db, ctx: WorkspaceContext, input: CreateCompetitorInput): Promise<Competitor> {
  return db.transaction(async (tx) => {
    await checkUnique(tx, ctx.workspaceId, input.redUserId);
    await checkAccounts(tx, ctx, input.comparedAccountIds);
    const [row] = await tx
      .insert(competitors)
      .values({
        id: newId("cmp"),
        workspaceId: ctx.workspaceId,
        ...input,
        groups: input.groups ?? [],
        tags: input.tags ?? [],
        comparedAccountIds: input.comparedAccountIds ?? [],
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "competitors.create",
      targetType: "competitor",
      targetId: row.id,
      after: { ...input, xsecToken: undefined },
    });
    return row;
  });
}

export async function updateCompetitor(db: Db, ctx: WorkspaceContext, id: string, input: UpdateCompetitorInput): Promise<Competitor> {
  return db.transaction(async (tx) => {
    const before = await requireCompetitor(tx, ctx.workspaceId, id);
    if (input.redUserId && input.redUserId !== before.redUserId) await checkUnique(tx, ctx.workspaceId, input.redUserId, id);
    await checkAccounts(tx, ctx, input.comparedAccountIds);
    // An empty patch changes nothing (and an UPDATE with no columns is not SQL): no write, no audit.
    if (Object.values(input).every((v) => v === undefined)) return before;
    const [row] = await tx.update(competitors).set(input).where(eq(competitors.id, id)).returning();
    const changed = Object.fromEntries(
      Object.keys(input)
        .filter((k) => k !== "xsecToken")
        .map((k) => [k, before[k as keyof Competitor]]),
    );
    await recordAudit(tx, ctx, {
      action: "competitors.update",
      targetType: "competitor",
      targetId: id,
      before: changed,
      after: { ...input, xsecToken: undefined },
    });
    return row;
  });
}

export async function deleteCompetitor(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await requireCompetitor(tx, ctx.workspaceId, id);
    const subject = (
      t: typeof profileSnapshots | typeof trackedNotes | typeof subjectDaily | typeof topicDaily | typeof competitorAlerts,
    ) => and(eq(t.workspaceId, ctx.workspaceId), eq(t.subjectType, "competitor"), eq(t.subjectId, id));
    const noteIds = tx.select({ id: trackedNotes.id }).from(trackedNotes).where(subject(trackedNotes));
    await tx.delete(noteSnapshots).where(inArray(noteSnapshots.trackedNoteId, noteIds));
    for (const table of [trackedNotes, profileSnapshots, subjectDaily, topicDaily, competitorAlerts] as const)
      await tx.delete(table).where(subject(table));
    await tx.delete(collectionStatus).where(and(eq(collectionStatus.workspaceId, ctx.workspaceId), eq(collectionStatus.subjectKey, id)));
    await tx.delete(competitors).where(eq(competitors.id, id));
    await recordAudit(tx, ctx, {
      action: "competitors.delete",
      targetType: "competitor",
      targetId: id,
      before: { name: before.name, redUserId: before.redUserId },
    });
  });
  await invalidateAnalytics(ctx.workspaceId);
}
