/**
 * The one jieba segmenter (@node-rs/jieba) of the process, with RED vocabulary added. It loads its
 * dictionary once, lazily (~100 ms, ~20 MB), on the first text that needs it.
 */
type Segmenter = { cut(text: string, hmm?: boolean): string[]; loadDict(dict: Uint8Array): void };

/** RED vocabulary jieba's general dictionary splits into single characters ("穿搭" -> 穿 / 搭). */
const redWords = `穿搭 种草 拔草 平替 早八 油皮 干皮 混油 敏感肌 素颜 氛围感 探店 打卡 好物 测评 显白 妆容 底妆 持妆 粉底液 口红 唇釉 眼影 腮红
防晒 精华 面霜 水乳 护肤 彩妆 香水 通勤 显瘦 微胖 小个子 梨形 ootd 一人食 减脂餐 快手菜 早午餐 咖啡 甜品 烘焙 空气炸锅 宝藏 绝绝子
yyds 回购 空瓶 开箱 合集 教程 干货 避雷 保姆级 新手 学生党 打工人 上班族 秋冬 春夏 大衣 羽绒服 毛衣 卫衣 半身裙 阔腿裤`;

let segmenter: Segmenter | undefined;

function getSegmenter(): Segmenter {
  if (!segmenter) {
    // A native module: required on first use so pages that never segment text never load it.
    const { Jieba } = require("@node-rs/jieba") as { Jieba: { withDict(d: Uint8Array): Segmenter } };
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

/** jieba's words of `text`, in order, with its HMM for words not in the dictionary. */
export function cutWords(text: string): string[] {
  return getSegmenter().cut(text, true);
}
