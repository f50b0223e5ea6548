/** Audits a sign-in attempt in every workspace the user belongs to (an admin sees who came in). */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

export async function recordSignIn(
  db: DbOrTx,
  user: { id: string; name: string },
  outcome: "success" | "failure",
  ip: string,
): Promise<void> {
  const memberships = await db.select({ workspaceId: members.workspaceId }).from(members).where(eq(members.userId, user.id));
  for (const { workspaceId } of memberships) {
    await recordAudit(
      db,
      { userId: user.id, userName: user.name, workspaceId, ip },
      { action: outcome === "success" ? "auth.sign_in" : "auth.sign_in_failed", targetType: "user", targetId: user.id },
    );
  }
}
