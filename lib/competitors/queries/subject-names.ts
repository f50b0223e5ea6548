/** Display names of the workspace's subjects: active competitors and own accounts (within the caller's account scope). */
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, competitors } from "@/db/schema";
import { accountScopeFilter } from "@/lib/accounts/queries";
import { subjectKey, type SubjectRef } from "./range-params";

export type SubjectInfo = SubjectRef & { key: string; name: string; avatarUrl: string | null; groups: string[] };

export async function listSubjects(db: DbOrTx, scope: { workspaceId: string; accountIds: string[] | null }): Promise<SubjectInfo[]> {
  const [cs, as] = await Promise.all([
    db
      .select({ id: competitors.id, name: competitors.name, avatarUrl: competitors.avatarUrl, groups: competitors.groups })
      .from(competitors)
      .where(and(eq(competitors.workspaceId, scope.workspaceId), isNull(competitors.archivedAt))),
    db
      .select({ id: accounts.id, name: accounts.name })
      .from(accounts)
      .where(and(accountScopeFilter(scope), isNull(accounts.archivedAt))),
  ]);
  const out: SubjectInfo[] = [
    ...as.map((a) => ({ type: "account" as const, id: a.id, name: a.name, avatarUrl: null, groups: [] })),
    ...cs.map((c) => ({ type: "competitor" as const, id: c.id, name: c.name, avatarUrl: c.avatarUrl, groups: c.groups })),
  ].map((s) => ({ ...s, key: subjectKey(s) }));
  return out.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name, "zh-CN") : a.type === "account" ? -1 : 1));
}
