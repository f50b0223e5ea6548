/**
 * Keyword frequency for Chinese text with a real segmenter (jieba, via @node-rs/jieba). Topic
 * markup (#话题[话题]#), punctuation, numbers, single characters and stop words are dropped.
 * The segmenter loads its dictionary once, lazily (it takes ~100 ms and ~20 MB).
 */
import { stopWords } from "./stop-words";

type Segmenter = { cut(text: string, hmm?: boolean): string[]; loadDict(dict: Uint8Array): void };

/** RED vocabulary jieba's general dictionary splits into single characters ("穿搭" -> 穿 / 搭). */
const redWords = `穿搭 种草 拔草 平替 早八 油皮 干皮 混油 敏感肌 素颜 氛围感 探店 打卡 好物 测评 显白 妆容 底妆 持妆 粉底液 口红 唇釉 眼影 腮红
防晒 精华 面霜 水乳 护肤 彩妆 香水 通勤 显瘦 微胖 小个子 梨形 ootd 一人食 减脂餐 快手菜 早午餐 咖啡 甜品 烘焙 空气炸锅 宝藏 绝绝子
yyds 回购 空瓶 开箱 合集 教程 干货 避雷 保姆级 新手 学生党 打工人 上班族 秋冬 春夏 大衣 羽绒服 毛衣 卫衣 半身裙 阔腿裤`;
let segmenter: Segmenter | undefined;

function getSegmenter(): Segmenter {
  if (!segmenter) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Jieba } = require("@node-rs/jieba") as { Jieba: { withDict(d: Uint8Array): Segmenter } };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
    segmenter = Jieba.withDict(dict);
    segmenter.loadDict(
      new TextEncoder().encode(
        redWords
          .split(/\s+/)
          .filter(Boolean)
          .map((w) => `${w} 20000 n`)
          .join("\n"),
      ),
    );
  }
  return segmenter;
}

const topicMarkup = /#([^#[\]\s]+)(\[话题\])?#/g;
const meaningful = /[\p{Script=Han}A-Za-z]/u;

/** Meaningful words of one text, in order (duplicates kept). */
export function segmentWords(text: string): string[] {
  const plain = text.replace(topicMarkup, " $1 ").replace(/https?:\/\/\S+/g, " ");
  return getSegmenter()
    .cut(plain, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length >= 2 && meaningful.test(w) && !/^\d/.test(w) && !stopWords.has(w));
}

export type KeywordCount = { keyword: string; count: number; documents: number };

/** Frequency over many texts: total occurrences and number of texts containing the word. */
export function extractKeywords(texts: string[], limit = 50): KeywordCount[] {
  const counts = new Map<string, KeywordCount>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const word of segmentWords(text)) {
      const entry = counts.get(word) ?? { keyword: word, count: 0, documents: 0 };
      entry.count += 1;
      if (!seen.has(word)) entry.documents += 1;
      seen.add(word);
      counts.set(word, entry);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || b.documents - a.documents || a.keyword.localeCompare(b.keyword))
    .slice(0, limit);
}

/** Topics stored in RED note text as `#topic[话题]#`. */
export function topicsInText(text: string): string[] {
  return [...new Set([...text.matchAll(topicMarkup)].map((m) => m[1]))];
}
