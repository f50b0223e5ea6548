/** Deterministic synthetic memories (Chinese and English team notes) for the memory benchmarks. */
const zhTopics = ["口红", "粉底", "防晒", "面霜", "通勤穿搭", "咖啡探店", "一人食", "健身餐", "香水", "敏感肌", "露营", "家居收纳"];
const zhFacts = ["标题带数字点击率更高", "周末下午发布互动最好", "封面用对比图收藏更多", "评论区置顶提问评论翻倍", "合集笔记收藏率高", "视频前三秒出结果", "达人合作报价偏高", "被否决：夸张用词", "受众主要是职场女性", "平价款更受欢迎"];
const enTopics = ["lipstick", "sunscreen", "office outfits", "coffee shops", "solo cooking", "fitness meals", "perfume", "sensitive skin", "camping", "home storage"];
const enFacts = ["titles with numbers get more clicks", "weekend afternoon posts get more engagement", "comparison covers get more saves", "a pinned question doubles comments", "roundups are saved more", "show the result in the first three seconds", "creator rates went up", "rejected: exaggerated claims", "the audience is mostly office workers", "budget picks perform better"];

/** mulberry32: a tiny seeded PRNG, so every run generates the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticMemory(i: number, rand: () => number): { content: string; tags: string[] } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  if (i % 2 === 0) {
    const topic = pick(zhTopics);
    return { content: `${topic}笔记第${i}条：${pick(zhFacts)}，${pick(zhFacts)}，数据${Math.floor(rand() * 1000)}`, tags: [topic] };
  }
  const topic = pick(enTopics);
  return { content: `${topic} note ${i}: ${pick(enFacts)}; ${pick(enFacts)} (sample ${Math.floor(rand() * 1000)})`, tags: [topic] };
}

export function syntheticQuery(rand: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  return rand() < 0.5 ? `${pick(zhTopics)} ${pick(zhFacts)}` : `${pick(enTopics)} ${pick(enFacts)}`;
}
