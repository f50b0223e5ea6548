/**
 * What every competitor dashboard page needs first: time zone, today, the range from the URL, the
 * visible subjects. `scope` narrows the own accounts among the subjects (pages pass the header
 * switcher's selection, lib/accounts/selected-account.ts); competitors are never narrowed.
 */
import type { DbOrTx } from "@/db/client";
import type { AccountScope } from "@/lib/accounts/queries";
import type { WorkspaceContext } from "@/lib/auth/context";
import { resolveRange, type DashboardRange } from "./range-params";
import { listSubjects, type SubjectInfo } from "./subject-names";
import { dayKey } from "../rules/time-buckets";
import { workspaceTimezone } from "@/lib/workspaces/queries";

export type DashboardBase = {
  timezone: string;
  today: string;
  range: DashboardRange;
  subjects: SubjectInfo[];
  names: Record<string, string>;
  query: string;
};

export async function loadDashboardBase(
  db: DbOrTx,
  ctx: WorkspaceContext,
  search: Record<string, string | string[] | undefined>,
  scope: AccountScope = ctx,
): Promise<DashboardBase> {
  const [timezone, subjects] = await Promise.all([workspaceTimezone(db, ctx.workspaceId), listSubjects(db, scope)]);
  const range = resolveRange(search, timezone);
  const query = new URLSearchParams(
    Object.entries(search).flatMap(([k, v]) => (typeof v === "string" && ["from", "to", "g", "s"].includes(k) ? [[k, v]] : [])),
  ).toString();
  return {
    timezone,
    today: dayKey(new Date(), timezone),
    range,
    subjects,
    names: Object.fromEntries(subjects.map((s) => [s.key, s.name])),
    query,
  };
}
