/** Demo memories: the brand facts a content team would have taught the copilot in its first weeks. */
import type { Db } from "@/db/client";
import { createMemory } from "@/lib/memory/create-memory";
import type { CreateMemoryInput } from "@/lib/memory/memory-schemas";

const demoMemories: CreateMemoryInput[] = [
  {
    content: "品牌调性：温柔、真诚，像闺蜜聊天，不用夸张的营销词",
    type: "long_term",
    privacy: "workspace",
    category: "品牌",
    tags: ["品牌", "调性"],
    importance: 0.95,
  },
  {
    content: "核心受众：一线城市 25-35 岁职场女性，关注通勤和效率",
    type: "long_term",
    privacy: "workspace",
    category: "受众",
    tags: ["受众"],
    importance: 0.9,
  },
  {
    content: "避免使用最、第一、顶级等极限词，违反广告法",
    type: "long_term",
    privacy: "workspace",
    category: "合规",
    tags: ["平台规则", "文案"],
    importance: 0.9,
  },
  {
    content: "合集笔记（10 款平价好物）收藏率是单品笔记的三倍",
    privacy: "workspace",
    category: "有效做法",
    tags: ["有效做法"],
    importance: 0.7,
  },
  {
    content: "被否决：用明星同款做标题，法务认为有侵权风险",
    privacy: "workspace",
    category: "被否决",
    tags: ["被否决", "标题"],
    importance: 0.6,
  },
  { content: "周末下午三点到五点发布的笔记互动率最高", privacy: "workspace", category: "发布时间", tags: ["发布时间"], importance: 0.5 },
  {
    content: "Carousel posts with a price comparison table got three times more saves",
    privacy: "workspace",
    category: "what worked",
    tags: ["what worked"],
    importance: 0.6,
  },
];

export async function seedDemoMemories(db: Db, input: { workspaceId: string; adminUserId: string; adminName: string }): Promise<void> {
  const actor = { workspaceId: input.workspaceId, userId: input.adminUserId, userName: input.adminName };
  for (const memory of demoMemories) await createMemory(db, actor, { ...memory, source: "import" });
}
