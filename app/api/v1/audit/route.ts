import { listAudit, auditQuerySchema } from "@/lib/audit/list-audit";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db, query }) => listAudit(db, ctx.workspaceId, query), {
  permission: "audit.read",
  query: auditQuerySchema,
});
