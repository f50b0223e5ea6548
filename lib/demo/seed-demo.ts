/**
 * The demo workspace: realistic members and RED accounts so a newcomer sees a living product.
 * Grows as features land. Demo members get random passwords nobody knows (they cannot sign in).
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { accounts, members, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { newId } from "@/lib/ids/new-id";
import { seedDemoMemories } from "./seed-memory";

const demoMembers: { name: string; email: string; role: Role }[] = [
  { name: "李娜", email: "lina.demo@redmatrix.local", role: "operator" },
  { name: "王磊", email: "wanglei.demo@redmatrix.local", role: "analyst" },
  { name: "陈静", email: "chenjing.demo@redmatrix.local", role: "operator" },
  { name: "Sophie Zhang", email: "sophie.demo@redmatrix.local", role: "guest" },
];

const demoAccounts: { name: string; redId: string }[] = [
  { name: "小鹿美妆日记", redId: "xiaolu_beauty" },
  { name: "通勤穿搭研究所", redId: "commute_outfits" },
  { name: "上海周末去哪儿", redId: "sh_weekend" },
  { name: "敏感肌护肤笔记", redId: "sensitive_skin_notes" },
  { name: "一人食厨房", redId: "solo_kitchen" },
  { name: "咖啡探店地图", redId: "coffee_map_sh" },
  { name: "平价香水清单", redId: "budget_perfume" },
  { name: "健身餐打卡", redId: "fitmeal_daily" },
];

type SeedInput = { workspaceId: string; adminUserId: string; adminName: string };

export async function seedDemoWorkspace(db: Db, input: SeedInput): Promise<void> {
  const actor = { userId: input.adminUserId, userName: input.adminName, workspaceId: input.workspaceId };
  const unusable = await hashPassword(randomBytes(24).toString("base64url"));
  await db.transaction(async (tx) => {
    for (const person of demoMembers) {
      const userId = newId("usr");
      await tx.insert(users).values({ id: userId, email: person.email, name: person.name, passwordHash: unusable });
      await tx.insert(members).values({ id: newId("mem"), workspaceId: input.workspaceId, userId, role: person.role });
    }
    for (const account of demoAccounts) {
      await tx.insert(accounts).values({ id: newId("acc"), workspaceId: input.workspaceId, ...account });
    }
    await recordAudit(tx, actor, {
      action: "demo.seed",
      targetType: "workspace",
      targetId: input.workspaceId,
      after: { members: demoMembers.length, accounts: demoAccounts.length },
    });
  });
  await seedDemoMemories(db, input);
}
