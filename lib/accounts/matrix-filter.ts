/**
 * Filtering and sorting of the account matrix (pure: unit-tested without a database). The
 * matrix holds at most a few hundred accounts per caller, so it is filtered in memory after
 * one scoped query rather than with a dynamic SQL builder.
 */
import { z } from "zod";
import { emptyStats, type AccountStats } from "./matrix-stats";

export const matrixSorts = [
  "name",
  "redId",
  "status",
  "createdAt",
  "lastCheckAt",
  "followers",
  "postsThisWeek",
  "nextScheduledAt",
  "lastPublishAt",
  "failures7d",
] as const;
export const lastResultFilters = ["published", "failed", "unconfirmed", "none"] as const;

export const matrixQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    group: z.string().trim().max(24).optional(),
    tag: z.string().trim().max(24).optional(),
    status: z.enum(["active", "paused", "needs_login", "error"]).optional(),
    member: z.string().trim().max(64).optional(),
    /** Last publish result ("none": never published). */
    result: z.enum(lastResultFilters).optional(),
    /** "any": at least one failure in 7 days; "none": none. */
    failures: z.enum(["any", "none"]).optional(),
    /** "yes": something is scheduled; "none": nothing is. */
    scheduled: z.enum(["yes", "none"]).optional(),
    sort: z.enum(matrixSorts).default("name"),
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
  /** Absent rows count as empty (no snapshot, no jobs). */
  stats?: AccountStats;
};

// One collator for every comparison: localeCompare(x, "zh-CN") builds an ICU collator per call,
// which dominated sorting 100 accounts (hundreds of comparisons per request).
const collator = new Intl.Collator("zh-CN");

const statusOrder: Record<string, number> = { error: 0, needs_login: 1, paused: 2, active: 3 };

type Key = string | number | null;

function sortKey(r: MatrixRow, sort: MatrixQuery["sort"]): Key {
  const stats = r.stats ?? emptyStats;
  switch (sort) {
    case "status":
      return statusOrder[r.status] ?? 9;
    case "createdAt":
      return r.createdAt.getTime();
    case "lastCheckAt":
      return r.lastCheckAt?.getTime() ?? null;
    case "followers":
      return stats.followers;
    case "postsThisWeek":
      return stats.postsThisWeek;
    case "nextScheduledAt":
      return stats.nextScheduledAt?.getTime() ?? null;
    case "lastPublishAt":
      return stats.lastPublish?.at.getTime() ?? null;
    case "failures7d":
      return stats.failures7d;
    default:
      return r[sort].toLowerCase();
  }
}

function matches(r: MatrixRow, query: Partial<MatrixQuery>, needle: string | undefined): boolean {
  const stats = r.stats ?? emptyStats;
  return (
    (!needle ||
      r.name.toLowerCase().includes(needle) ||
      r.redId.toLowerCase().includes(needle) ||
      r.tags.some((t) => t.toLowerCase().includes(needle))) &&
    (!query.group || r.groups.includes(query.group)) &&
    (!query.tag || r.tags.includes(query.tag)) &&
    (!query.status || r.status === query.status) &&
    (!query.member || r.memberIds.includes(query.member)) &&
    (!query.result || (stats.lastPublish?.status ?? "none") === query.result) &&
    (!query.failures || stats.failures7d > 0 === (query.failures === "any")) &&
    (!query.scheduled || (stats.nextScheduledAt !== null) === (query.scheduled === "yes"))
  );
}

/** Empty values ("—": no snapshot, nothing scheduled, never checked) sort last in both directions. */
export function filterAndSortAccounts<T extends MatrixRow>(rows: T[], query: Partial<MatrixQuery>): T[] {
  const out = rows.filter((r) => matches(r, query, query.q?.toLowerCase()));
  const sort = query.sort ?? "name";
  const sign = query.dir === "desc" ? -1 : 1;
  const keys = new Map(out.map((r) => [r, sortKey(r, sort)]));
  return out.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
      return collator.compare(a.name, b.name);
    }
    const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : collator.compare(String(ka), String(kb));
    return c === 0 ? collator.compare(a.name, b.name) : c * sign;
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
