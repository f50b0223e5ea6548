/**
 * Filtering and sorting of the account matrix (pure: unit-tested without a database). The
 * matrix holds at most a few hundred accounts per caller, so it is filtered in memory after
 * one scoped query rather than with a dynamic SQL builder.
 */
import { z } from "zod";

export const matrixQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    group: z.string().trim().max(24).optional(),
    tag: z.string().trim().max(24).optional(),
    status: z.enum(["active", "paused", "needs_login", "error"]).optional(),
    member: z.string().trim().max(64).optional(),
    sort: z.enum(["name", "redId", "status", "createdAt", "lastCheckAt"]).default("name"),
    dir: z.enum(["asc", "desc"]).default("asc"),
  })
  .strict();

export type MatrixQuery = z.infer<typeof matrixQuerySchema>;

export type MatrixRow = {
  id: string;
  name: string;
  redId: string;
  status: string;
  groups: string[];
  tags: string[];
  bio: string;
  createdAt: Date;
  lastCheckAt: Date | null;
  /** Members who can see the account (scope "all" members are not listed; they see all). */
  memberIds: string[];
};

const statusOrder: Record<string, number> = { error: 0, needs_login: 1, paused: 2, active: 3 };

export function filterAndSortAccounts<T extends MatrixRow>(rows: T[], query: Partial<MatrixQuery>): T[] {
  const needle = query.q?.toLowerCase();
  const out = rows.filter(
    (r) =>
      (!needle || r.name.toLowerCase().includes(needle) || r.redId.toLowerCase().includes(needle) || r.tags.some((t) => t.toLowerCase().includes(needle))) &&
      (!query.group || r.groups.includes(query.group)) &&
      (!query.tag || r.tags.includes(query.tag)) &&
      (!query.status || r.status === query.status) &&
      (!query.member || r.memberIds.includes(query.member)),
  );
  const sort = query.sort ?? "name";
  const sign = query.dir === "desc" ? -1 : 1;
  const key = (r: T): string | number =>
    sort === "status" ? statusOrder[r.status] ?? 9 : sort === "createdAt" ? r.createdAt.getTime() : sort === "lastCheckAt" ? (r.lastCheckAt?.getTime() ?? 0) : r[sort].toLowerCase();
  return out.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb), "zh-CN");
    return c === 0 ? a.name.localeCompare(b.name, "zh-CN") : c * sign;
  });
}

/** Distinct groups and tags across rows, for the filter dropdowns. */
export function matrixFacets(rows: Pick<MatrixRow, "groups" | "tags">[]): { groups: string[]; tags: string[] } {
  const groups = new Set<string>();
  const tags = new Set<string>();
  for (const r of rows) {
    r.groups.forEach((g) => groups.add(g));
    r.tags.forEach((t) => tags.add(t));
  }
  return { groups: [...groups].sort(), tags: [...tags].sort() };
}
