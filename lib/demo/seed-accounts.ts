/** Demo RED accounts: groups, tags, posting slots, persona notes, all on the sandbox publisher. */
import type { DbOrTx } from "@/db/client";
import { accounts } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";

type DemoAccount = {
  name: string;
  redId: string;
  groups: string[];
  tags: string[];
  postingSlots: string[];
  dailyPostCap: number;
  bio: string;
  personaNotes: string;
};

export const demoAccounts: DemoAccount[] = [
  {
    name: "小鹿美妆日记",
    redId: "xiaolu_beauty",
    groups: ["美妆护肤", "核心号"],
    tags: ["彩妆", "测评"],
    postingSlots: ["12:30", "20:30"],
    dailyPostCap: 2,
    bio: "新手友好的彩妆测评",
    personaNotes: "语气亲切像闺蜜；不说“最好用”，功效类用词克制。",
  },
  {
    name: "通勤穿搭研究所",
    redId: "commute_outfits",
    groups: ["穿搭"],
    tags: ["通勤", "小个子"],
    postingSlots: ["07:30", "18:30"],
    dailyPostCap: 2,
    bio: "一周通勤穿搭不重样",
    personaNotes: "实用为先，标注身高体重与尺码。",
  },
  {
    name: "上海周末去哪儿",
    redId: "sh_weekend",
    groups: ["本地生活", "核心号"],
    tags: ["上海", "探店"],
    postingSlots: ["11:00", "19:00"],
    dailyPostCap: 1,
    bio: "上海周末路线与小众去处",
    personaNotes: "写清地址、交通、人均；不收钱不推荐。",
  },
  {
    name: "敏感肌护肤笔记",
    redId: "sensitive_skin_notes",
    groups: ["美妆护肤"],
    tags: ["敏感肌", "成分"],
    postingSlots: ["21:00"],
    dailyPostCap: 1,
    bio: "成分党的温和护肤",
    personaNotes: "不做医疗承诺；提醒先做耳后测试。",
  },
  {
    name: "一人食厨房",
    redId: "solo_kitchen",
    groups: ["美食"],
    tags: ["食谱", "快手菜"],
    postingSlots: ["11:30", "17:30"],
    dailyPostCap: 2,
    bio: "15 分钟一人食",
    personaNotes: "步骤编号，用量精确到克。",
  },
  {
    name: "咖啡探店地图",
    redId: "coffee_map_sh",
    groups: ["本地生活", "美食"],
    tags: ["咖啡", "上海", "探店"],
    postingSlots: ["09:00", "15:00"],
    dailyPostCap: 1,
    bio: "上海独立咖啡馆",
    personaNotes: "每篇一家店，附营业时间。",
  },
  {
    name: "平价香水清单",
    redId: "budget_perfume",
    groups: ["美妆护肤"],
    tags: ["香水", "平价"],
    postingSlots: ["20:00"],
    dailyPostCap: 1,
    bio: "三百元以内的好闻香水",
    personaNotes: "气味描述具体（前中后调），避免夸张。",
  },
  {
    name: "健身餐打卡",
    redId: "fitmeal_daily",
    groups: ["美食", "健身"],
    tags: ["减脂", "健身餐"],
    postingSlots: ["07:00", "12:00", "18:00"],
    dailyPostCap: 3,
    bio: "每天一份减脂餐",
    personaNotes: "标注热量与蛋白质；不鼓励极端节食。",
  },
];

export async function seedDemoAccounts(tx: DbOrTx, workspaceId: string): Promise<number> {
  for (const account of demoAccounts) {
    await tx
      .insert(accounts)
      .values({ id: newId("acc"), workspaceId, ...account, minSpacingMinutes: 180, publisherId: "sandbox", publisherConfig: {} });
  }
  return demoAccounts.length;
}
