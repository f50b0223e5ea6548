/**
 * Deterministic synthetic memories (Chinese and English team notes) for the memory benchmarks.
 * Each note combines a topic, a place, a season, a product line and two facts drawn from larger
 * word lists, so 100k notes are varied like a real team's (a handful of templates would make
 * thousands of near-identical vectors, and "exact top-10" would be a coin toss among ties).
 */
const zhTopics = [
  "口红",
  "粉底",
  "防晒",
  "面霜",
  "精华",
  "眼影",
  "通勤穿搭",
  "咖啡探店",
  "一人食",
  "健身餐",
  "香水",
  "敏感肌",
  "露营",
  "家居收纳",
  "母婴",
  "宠物",
  "读书",
  "旅行",
  "数码",
  "烘焙",
];
const zhPlaces = ["上海", "北京", "杭州", "成都", "广州", "深圳", "南京", "武汉", "西安", "厦门", "苏州", "重庆"];
const zhSeasons = ["春季", "夏季", "秋季", "冬季", "618", "双十一", "年货节", "开学季"];
const zhLines = ["小鹿", "云朵", "山茶", "晨光", "海盐", "青柠", "琥珀", "白桃", "松木", "薄荷"];
const zhFacts = [
  "标题带数字点击率更高",
  "周末下午发布互动最好",
  "封面用对比图收藏更多",
  "评论区置顶提问评论翻倍",
  "合集笔记收藏率高",
  "视频前三秒出结果",
  "达人合作报价偏高",
  "夸张用词被否决",
  "受众主要是职场女性",
  "平价款更受欢迎",
  "素人测评转化更好",
  "直播间停留时间变长",
  "竖版封面完播更高",
  "教程类笔记涨粉快",
  "价格对比表被频繁收藏",
  "真实肤质实拍更可信",
  "节日限定款讨论度高",
  "晚上九点后发布阅读量低",
  "评论区提问回复率高",
  "用户关心成分和刺激性",
];
const enTopics = [
  "lipstick",
  "foundation",
  "sunscreen",
  "serum",
  "office outfits",
  "coffee shops",
  "solo cooking",
  "fitness meals",
  "perfume",
  "sensitive skin",
  "camping",
  "home storage",
  "baby care",
  "pets",
  "books",
  "travel",
  "gadgets",
  "baking",
];
const enPlaces = ["Shanghai", "Beijing", "Hangzhou", "Chengdu", "Guangzhou", "Shenzhen", "Nanjing", "Wuhan", "Xian", "Xiamen"];
const enSeasons = ["spring", "summer", "autumn", "winter", "618 sale", "singles day", "new year", "back to school"];
const enLines = ["Fawn", "Cloud", "Camellia", "Dawn", "Sea Salt", "Lime", "Amber", "Peach", "Pine", "Mint"];
const enFacts = [
  "titles with numbers get more clicks",
  "weekend afternoon posts get more engagement",
  "comparison covers get more saves",
  "a pinned question doubles comments",
  "roundups are saved more",
  "show the result in the first three seconds",
  "creator rates went up",
  "exaggerated claims were rejected",
  "the audience is mostly office workers",
  "budget picks perform better",
  "amateur reviews convert better",
  "live viewers stay longer",
  "vertical covers get more completions",
  "tutorials grow followers fastest",
  "price tables are bookmarked often",
  "real skin photos feel trustworthy",
  "limited editions spark discussion",
  "posts after 9pm get fewer reads",
  "questions in comments get replies",
  "readers ask about ingredients and irritation",
];

const pickFrom =
  (rand: () => number) =>
  <T>(xs: T[]) =>
    xs[Math.floor(rand() * xs.length)];

export function syntheticMemory(i: number, rand: () => number): { content: string; tags: string[] } {
  const pick = pickFrom(rand);
  if (i % 2 === 0) {
    const topic = pick(zhTopics);
    return {
      content: `${pick(zhPlaces)}${pick(zhSeasons)}${pick(zhLines)}系列${topic}：${pick(zhFacts)}，${pick(zhFacts)}（第${i}条，样本${Math.floor(rand() * 1000)}）`,
      tags: [topic, pick(zhSeasons)],
    };
  }
  const topic = pick(enTopics);
  return {
    content: `${pick(enLines)} ${topic} in ${pick(enPlaces)}, ${pick(enSeasons)}: ${pick(enFacts)}; ${pick(enFacts)} (note ${i})`,
    tags: [topic, pick(enSeasons)],
  };
}

export function syntheticQuery(rand: () => number): string {
  const pick = pickFrom(rand);
  return rand() < 0.5 ? `${pick(zhPlaces)}${pick(zhTopics)} ${pick(zhFacts)}` : `${pick(enTopics)} ${pick(enPlaces)} ${pick(enFacts)}`;
}
