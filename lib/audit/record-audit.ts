/** Writes one audit event. Called by every mutation, inside the mutation's transaction. */
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { redact } from "./redact";

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
};

export type AuditActor = Pick<WorkspaceContext, "userId" | "userName" | "ip" | "requestId"> & {
  workspaceId: string | null;
};
/** userId null: the system itself (a CLI such as keys:rotate, a scheduled check). */
type AnyActor = Omit<AuditActor, "userId"> & { userId: string | null };

export async function recordAudit(db: DbOrTx, actor: AnyActor, input: AuditInput): Promise<void> {
  await recordAudits(db, [{ actor, input }]);
}

/** Several events in one statement (a batch of scheduler outcomes). */
export async function recordAudits(db: DbOrTx, events: { actor: AnyActor; input: AuditInput }[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditEvents).values(
    events.map(({ actor, input }) => {
      const before = redact(input.before);
      const after = redact(input.after);
      return {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        actorLabel: actor.userName,
        action: input.action,
        targetType: input.targetType,
        targetId: input.targetId ?? null,
        changes: before || after ? { before, after } : null,
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
      };
    }),
  );
}
