import { describe, expect, it } from "vitest";
import { docFromText, type DraftDoc } from "@/lib/drafts/doc-types";
import { extractTopics } from "@/lib/drafts/extract-topics";
import { checkNote, hasBlockingErrors } from "@/lib/drafts/note-checks";
import { defaultNoteSettings } from "@/lib/drafts/note-settings";
import { renderPlainText } from "@/lib/drafts/render-plain-text";
import { sanitizeDoc } from "@/lib/drafts/sanitize-doc";
import { bodyLength, redTitleWidth } from "@/lib/drafts/text-length";

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const li = (text: string) => ({ type: "listItem", content: [p(text)] });

describe("RED title width", () => {
  it("counts CJK as 2, ASCII as 1, rounded up in halves", () => {
    expect(redTitleWidth("")).toBe(0);
    expect(redTitleWidth("秋天的第一杯奶茶")).toBe(8);
    expect(redTitleWidth("abc")).toBe(2);
    expect(redTitleWidth("iPhone 17 上手")).toBe(7); // 10 ASCII + 2 CJK = 14 units
    expect(redTitleWidth("一二三四五六七八九十一二三四五六七八九十")).toBe(20);
    expect(redTitleWidth("a".repeat(40))).toBe(20);
    expect(redTitleWidth("a".repeat(41))).toBe(21);
  });

  // The bridge's own table (xiaohongshu-mcp pkg/xhsutil/title_test.go, commit 6fb866a7).
  it.each([
    ["", 0],
    ["你好世界", 4],
    ["hello", 3],
    ["12345", 3],
    ["OOTD穿搭分享", 6],
    ["一二三四五六七八九十一二三四五六七八九十", 20],
    ["abcdefghijklmnopqrstuvwxyzabcdefghijklmn", 20],
    ["😀", 2],
    ["今天好开心😀", 7],
    ["a", 1],
    ["ab", 1],
    ["abc", 2],
    ["！？", 2],
    ["!?", 1],
  ])("agrees with the bridge's CalcTitleLength on %j", (title, width) => {
    expect(redTitleWidth(title)).toBe(width);
  });

  it("weighs an emoji by its UTF-16 code units, as the bridge does (the body still counts graphemes)", () => {
    expect(redTitleWidth("🍂")).toBe(2);
    expect(redTitleWidth(`${"一".repeat(19)}😍`)).toBe(21); // passes a per-character count, refused by the bridge
    expect(redTitleWidth("👨‍👩‍👧 周末")).toBe(11); // 8 code units above 127 (16) + space (1) + 2 CJK (4) = 21 -> 11
    expect(bodyLength("👨‍👩‍👧🇨🇳好")).toBe(3);
  });

  it("blocks a 19-CJK + emoji title that the bridge would refuse", () => {
    const checks = checkNote(
      { title: `${"一".repeat(19)}😍`, body: "正文", topics: ["t"], imageCount: 1, accountCount: 1 },
      defaultNoteSettings,
    );
    expect(checks).toContainEqual({ code: "title_too_wide", severity: "error", params: { width: 21, limit: 20 } });
  });
});

describe("topics", () => {
  it("finds #topics, RED's #topic[话题]# form, and ignores # in URLs and words", () => {
    expect(extractTopics("今天去了#杭州 西湖 #秋日穿搭[话题]# 和 #杭州")).toEqual(["杭州", "秋日穿搭"]);
    expect(extractTopics("见 https://a.cn/#frag 和 C#语言 以及 &#123;")).toEqual([]);
    expect(extractTopics("#OOTD，#通勤穿搭！")).toEqual(["OOTD", "通勤穿搭"]);
  });
});

describe("plain-text renderer (what the publisher sends)", () => {
  const doc: DraftDoc = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "🍂 秋日穿搭" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "姐妹们！", marks: [{ type: "bold" }] },
          { type: "text", text: "这三件" },
          { type: "hardBreak" },
          { type: "text", text: "真的绝了✨" },
        ],
      },
      { type: "paragraph" },
      { type: "bulletList", content: [li("风衣 🧥"), li("针织衫")] },
      { type: "orderedList", attrs: { start: 1 }, content: [li("先叠穿"), li("再配包")] },
      { type: "paragraph", content: [{ type: "text", text: "链接", marks: [{ type: "link", attrs: { href: "https://x.cn" } }] }] },
      { type: "paragraph", content: [{ type: "text", text: "#秋日穿搭 #OOTD" }] },
    ],
  };

  it("renders emoji bullets, keycap numbers, plain headings, and no topics in the body", () => {
    expect(renderPlainText(doc, { bulletStyle: "emoji" })).toEqual({
      body: "🍂 秋日穿搭\n姐妹们！这三件\n真的绝了✨\n\n🔸 风衣 🧥\n🔸 针织衫\n1️⃣ 先叠穿\n2️⃣ 再配包\n链接",
      topics: ["秋日穿搭", "OOTD"],
    });
  });

  it("uses symbols when the workspace asks for them, and indents nested lists", () => {
    const nested: DraftDoc = {
      type: "doc",
      content: [
        { type: "bulletList", content: [{ type: "listItem", content: [p("早餐"), { type: "bulletList", content: [li("豆浆🥛")] }] }] },
        { type: "orderedList", attrs: { start: 11 }, content: [li("第十一")] },
      ],
    };
    expect(renderPlainText(nested, { bulletStyle: "symbol" }).body).toBe("• 早餐\n  ◦ 豆浆🥛\n11. 第十一");
    expect(renderPlainText(nested, { bulletStyle: "emoji" }).body).toBe("🔸 早餐\n  ▫️ 豆浆🥛\n11. 第十一");
  });

  it("keeps inline text around a removed topic and trims blank edges", () => {
    const out = renderPlainText(docFromText("\n\n今天打卡#咖啡探店 超好喝☕️\n\n#上海 #周末去哪儿\n"), { bulletStyle: "emoji" });
    expect(out).toEqual({ body: "今天打卡 超好喝☕️", topics: ["咖啡探店", "上海", "周末去哪儿"] });
  });

  it("renders script-looking text as the literal text it is", () => {
    expect(renderPlainText(docFromText("<script>alert(1)</script>"), { bulletStyle: "emoji" }).body).toBe("<script>alert(1)</script>");
  });
});

describe("document sanitizer", () => {
  it("drops javascript: links, unknown marks and attributes, unwraps unknown nodes", () => {
    const dirty = {
      type: "doc" as const,
      content: [
        {
          type: "paragraph",
          attrs: { onclick: "x()" },
          content: [
            {
              type: "text",
              text: "点我",
              marks: [
                { type: "link", attrs: { href: "javascript:alert(1)" } },
                { type: "bold", attrs: { style: "x" } },
              ],
            },
          ],
        },
        { type: "iframe", content: [{ type: "paragraph", content: [{ type: "text", text: "里面的字" }] }] },
        { type: "heading", attrs: { level: 9 }, content: [{ type: "text", text: "标题" }] },
      ],
    };
    expect(sanitizeDoc(dirty)).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "点我", marks: [{ type: "bold" }] }] },
        { type: "paragraph", content: [{ type: "text", text: "里面的字" }] },
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "标题" }] },
      ],
    });
  });
});

describe("note checks", () => {
  const ok = { title: "秋日穿搭分享", body: "内容", topics: ["穿搭"], imageCount: 1, accountCount: 1 };
  const codes = (input: typeof ok, settings = defaultNoteSettings) => checkNote(input, settings).map((c) => `${c.severity}:${c.code}`);

  it("passes a good note", () => {
    expect(checkNote(ok, defaultNoteSettings)).toEqual([]);
  });

  it("flags each violation with its severity", () => {
    expect(codes({ ...ok, title: "这是一个特别特别长的标题，一共超过了二十个字呀😂" })).toEqual(["error:title_too_wide"]);
    expect(codes({ ...ok, body: "好".repeat(1001) })).toEqual(["error:body_too_long"]);
    expect(codes({ ...ok, imageCount: 0 })).toEqual(["error:no_image"]);
    expect(codes({ ...ok, imageCount: 19 })).toEqual(["error:too_many_images"]);
    expect(codes({ ...ok, topics: Array.from({ length: 11 }, (_, i) => `话题${i}`) })).toEqual(["error:too_many_topics"]);
    expect(codes({ ...ok, topics: [], accountCount: 0 })).toEqual(["warning:no_topics", "warning:no_account"]);
    expect(codes({ ...ok, title: " ", body: "" })).toEqual(["error:title_missing", "error:body_missing"]);
  });

  it("finds banned words in title, body and topics, and honours custom limits", () => {
    const settings = { ...defaultNoteSettings, bannedWords: ["最便宜", "第一"], titleLimit: 5 };
    const checks = checkNote({ ...ok, body: "全网最便宜！", topics: ["销量第一"] }, settings);
    expect(checks).toEqual([
      { code: "title_too_wide", severity: "error", params: { width: 6, limit: 5 } },
      { code: "banned_words", severity: "error", params: { words: "最便宜、第一" } },
    ]);
    expect(hasBlockingErrors(checks)).toBe(true);
    expect(hasBlockingErrors(checkNote({ ...ok, topics: [] }, defaultNoteSettings))).toBe(false);
  });
});
