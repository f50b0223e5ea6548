/**
 * Topic suggestions for the editor: the workspace's own topics (most used in recent drafts
 * first), then evergreen RED topics so a new workspace has suggestions too.
 */
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { drafts } from "@/db/schema";

export const evergreenTopics = [
  "好物分享",
  "日常穿搭",
  "护肤",
  "美食探店",
  "旅行攻略",
  "周末去哪儿",
  "减脂餐",
  "家居好物",
  "读书笔记",
  "职场干货",
  "学生党",
  "平价好物",
  "OOTD",
  "Vlog日常",
  "咖啡探店",
];

export async function workspaceTopics(db: DbOrTx, workspaceId: string, limit = 60): Promise<string[]> {
  const rows = await db
    .select({ topics: drafts.topics })
    .from(drafts)
    .where(eq(drafts.workspaceId, workspaceId))
    .orderBy(desc(drafts.updatedAt))
    .limit(300);
  const counts = new Map<string, number>();
  for (const row of rows) for (const topic of row.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const own = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  return [...new Set([...own, ...evergreenTopics])].slice(0, limit);
}
