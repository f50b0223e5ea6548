/**
 * Demo publish jobs around today: a week of published notes behind, the coming week scheduled
 * in the usual slots (08:00, 12:30, 20:30 workspace time), and one failed and one unconfirmed
 * job so the attention queue has something real to show.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, publishJobs, type JobSnapshot } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { dayKey } from "@/lib/scheduling/calendar-range";
import { startOfDayInZone } from "@/lib/time/zoned";

const titles = [
  "秋冬换季，敏感肌的温和护肤清单",
  "通勤一周不重样｜小个子穿搭",
  "上海周末去哪儿：武康路散步路线",
  "一人食：15 分钟番茄牛腩饭",
  "平价香水测评｜学生党也能闭眼入",
  "健身餐打卡第 30 天，掉秤 4 斤",
  "咖啡探店｜藏在弄堂里的手冲小店",
  "敷面膜的 5 个误区，你中了几个",
];
const slots = [8 * 60, 12 * 60 + 30, 20 * 60 + 30];

export async function seedDemoSchedule(db: Db, workspaceId: string, timezone: string, now = new Date()): Promise<void> {
  const list = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.workspaceId, workspaceId));
  if (list.length === 0) return;
  const today = startOfDayInZone(dayKey(now, timezone), timezone)!.getTime();
  const rows: (typeof publishJobs.$inferInsert)[] = [];
  for (let day = -6; day <= 7; day++) {
    for (const [i, minutes] of slots.entries()) {
      const runAt = new Date(today + day * 86_400_000 + minutes * 60_000);
      const account = list[(day + 6 + i * 3) % list.length];
      const title = titles[(day + 6 + i) % titles.length];
      const snapshot: JobSnapshot = { title, body: `${title}\n\n（示例笔记正文）`, topics: ["日常分享"], images: [] };
      const past = runAt.getTime() < now.getTime();
      rows.push({
        id: newId("job"),
        workspaceId,
        accountId: account.id,
        snapshot,
        runAt,
        status: past ? "published" : "scheduled",
        attempts: past ? 1 : 0,
        finishedAt: past ? runAt : null,
        remoteUrl: past ? `https://www.xiaohongshu.com/explore/demo${rows.length}` : null,
        idempotencyKey: newId("demo"),
      });
    }
  }
  const recent = rows.filter((r) => r.status === "published").slice(-2);
  Object.assign(recent[0], {
    status: "failed",
    remoteUrl: null,
    lastErrorCode: "PUBLISH_FAILED",
    lastErrorMessage: "桥接服务返回：图片上传失败",
  });
  Object.assign(recent[1], {
    status: "unconfirmed",
    remoteUrl: null,
    lastErrorCode: "TIMEOUT_AFTER_SEND",
    lastErrorMessage: "发布请求已发出，等待确认超时",
  });
  await db.insert(publishJobs).values(rows);
}
