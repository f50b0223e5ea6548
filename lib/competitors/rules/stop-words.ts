/** Chinese (and a few English) stop words for keyword frequency: function words, RED filler, tags syntax. */
const words = `的 了 和 是 在 我 有 也 就 不 都 而 及 与 着 或 一个 没有 我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样
自己 什么 怎么 为什么 因为 所以 但是 如果 还是 还有 就是 可以 真的 非常 特别 一下 一些 一点 一定 已经 时候 今天 现在
这么 那么 之后 之前 然后 而且 并且 或者 以及 对于 关于 通过 其实 感觉 觉得 大家 姐妹 姐妹们 宝子 宝子们 家人 家人们 集美
话题 分享 推荐 笔记 小红书 一起 不是 没 很 太 又 再 还 吧 呢 啊 呀 哦 嘛 哈 哈哈 哈哈哈 吗 啦 吖 哇 被 把 让 给 从 到 对 向 跟
为 上 下 里 中 个 们 来 去 说 看 想 要 会 能 做 用 过 得 地 之 以 于 等 这 那 他 她 它 你 您 其 此 每 各 某 多 少 最 更 超 好
the a an and or of to in on for with is are was be it this that my your i you we`;

export const stopWords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
