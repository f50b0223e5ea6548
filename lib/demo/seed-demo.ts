/**
 * The demo workspace: realistic members and RED accounts so a newcomer sees a living product.
 * Grows as features land. Demo members get random passwords nobody knows (they cannot sign in).
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { members, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { newId } from "@/lib/ids/new-id";
import { demoAccounts, seedDemoAccounts } from "./seed-accounts";
import { seedDemoSchedule } from "./seed-schedule";
import { seedCompetitors } from "./seed-competitors";
import { seedDemoDrafts } from "./seed-drafts";
import { seedDemoMemories } from "./seed-memory";

const demoMembers: { name: string; email: string; role: Role }[] = [
  { name: "李娜", email: "lina.demo@redmatrix.local", role: "operator" },
  { name: "王磊", email: "wanglei.demo@redmatrix.local", role: "analyst" },
  { name: "陈静", email: "chenjing.demo@redmatrix.local", role: "operator" },
  { name: "Sophie Zhang", email: "sophie.demo@redmatrix.local", role: "guest" },
];

type SeedInput = { workspaceId: string; adminUserId: string; adminName: string; timezone: string };

export async function seedDemoWorkspace(db: Db, input: SeedInput): Promise<void> {
  const actor = { userId: input.adminUserId, userName: input.adminName, workspaceId: input.workspaceId };
  const unusable = await hashPassword(randomBytes(24).toString("base64url"));
  await db.transaction(async (tx) => {
    for (const person of demoMembers) {
      const userId = newId("usr");
      await tx.insert(users).values({ id: userId, email: person.email, name: person.name, passwordHash: unusable });
      await tx.insert(members).values({ id: newId("mem"), workspaceId: input.workspaceId, userId, role: person.role });
    }
    await seedDemoAccounts(tx, input.workspaceId);
    await recordAudit(tx, actor, {
      action: "demo.seed",
      targetType: "workspace",
      targetId: input.workspaceId,
      after: { members: demoMembers.length, accounts: demoAccounts.length },
    });
  });
  await seedDemoSchedule(db, input.workspaceId, input.timezone);
  await seedCompetitors(db, input);
  await seedDemoDrafts(db, input);
  await seedDemoMemories(db, input);
}
