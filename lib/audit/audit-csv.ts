/** The audit log as CSV (every page of the filter, up to a cap), safe to open in Excel. */
import type { DbOrTx } from "@/db/client";
import { toCsv } from "@/lib/csv/to-csv";
import { listAudit, type AuditQuery } from "./list-audit";

const maxRows = 100_000;

export async function auditCsv(db: DbOrTx, workspaceId: string, query: AuditQuery, timezone: string): Promise<string> {
  const rows: unknown[][] = [];
  let cursor = query.cursor;
  do {
    const page = await listAudit(db, workspaceId, { ...query, cursor });
    for (const e of page.events) {
      rows.push([e.createdAt.toISOString(), e.actorLabel, e.actorId, e.action, e.targetType, e.targetId, e.changes, e.ip, e.requestId]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < maxRows);
  return toCsv(
    [`time (UTC; workspace zone ${timezone})`, "actor", "actor_id", "action", "target_type", "target_id", "changes", "ip", "request_id"],
    rows,
  );
}
