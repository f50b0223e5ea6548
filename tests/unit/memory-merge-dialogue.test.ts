/** The extractive merge on dialogue: every sentence stays under its speaker, questions stay, creation order, no silent cut; and the check on a model's summary. */
import { describe, expect, it } from "vitest";
import { hashingVector } from "@/lib/memory/embedder/hashing-embedder";
import { attributedText, speakerLabel, splitSentences } from "@/lib/memory/maintenance/attributed-lines";
import { mergeCluster } from "@/lib/memory/maintenance/merge-cluster";
import { missingFacts } from "@/lib/memory/maintenance/merge-facts";
import { maxContentChars } from "@/lib/memory/memory-schemas";

const at = (minute: number) => new Date(Date.UTC(2025, 4, 10, 9, minute));
const member = (minute: number, content: string, metadata: Record<string, unknown> = {}) => ({
  content,
  metadata,
  createdAt: at(minute),
  tags: [],
  importance: 0.4,
  accessCount: 0,
  category: null,
  vector: hashingVector(content, 384),
});
const lines = (text: string) => text.split("\n");
/** Every (speaker, sentence) pair is on a line of that speaker. */
const underSpeaker = (text: string, speaker: string, sentence: string) =>
  lines(text).some((l) => (l.startsWith(`${speaker}: `) || l.startsWith(`${speaker}：`)) && l.includes(sentence));

describe("extractive merge of a dialogue", () => {
  // Given out of order on purpose: the merge follows creation time.
  const english = [
    member(3, "Caroline: Big Sur sounds amazing! Did the kids like it?"),
    member(1, "Caroline: Hey Mel! Have you been able to get outside lately? I went hiking at Mt. Tam on Saturday."),
    member(5, "Caroline: Big Sur sounds amazing!! Did the kids like it?"),
    member(2, "Melanie: Not much, work has been crazy. We took the kids camping at Big Sur last month, 3 nights."),
    member(4, "They loved it. Have you been able to get outside lately, besides hiking?", { speaker: "Melanie" }),
    member(6, "Caroline: Yes.\nMelanie: Yes."),
  ];

  it("keeps every sentence under its own speaker, in creation order, and drops only the same speaker's repeat", () => {
    const merged = mergeCluster(english)!;
    expect(merged.content).toBe(
      [
        "Caroline: Hey Mel! Have you been able to get outside lately? I went hiking at Mt. Tam on Saturday.",
        "Melanie: Not much, work has been crazy. We took the kids camping at Big Sur last month, 3 nights.",
        "Caroline: Big Sur sounds amazing! Did the kids like it?",
        "Melanie: They loved it. Have you been able to get outside lately, besides hiking?",
        "Caroline: Did the kids like it?",
        "Caroline: Yes.",
        "Melanie: Yes.",
      ].join("\n"),
    );
    const said: [string, string][] = [
      ["Caroline", "Hey Mel!"],
      ["Caroline", "Have you been able to get outside lately?"],
      ["Caroline", "I went hiking at Mt. Tam on Saturday."],
      ["Melanie", "Not much, work has been crazy."],
      ["Melanie", "We took the kids camping at Big Sur last month, 3 nights."],
      ["Caroline", "Big Sur sounds amazing!"],
      ["Caroline", "Did the kids like it?"],
      ["Melanie", "They loved it."],
      ["Melanie", "Have you been able to get outside lately, besides hiking?"],
      ["Caroline", "Yes."],
      ["Melanie", "Yes."],
    ];
    for (const [speaker, sentence] of said) expect(underSpeaker(merged.content, speaker, sentence), `${speaker}: ${sentence}`).toBe(true);
    expect(underSpeaker(merged.content, "Caroline", "They loved it")).toBe(false);
  });

  it("never drops a question, not even an exact repeat", () => {
    const merged = mergeCluster(english)!;
    expect(merged.content.match(/Did the kids like it\?/g)).toHaveLength(2);
    expect(merged.content.match(/Big Sur sounds amazing/g)).toHaveLength(1);
  });

  it("keeps a multi-line member's lines, each under the speaker of the line that opened it", () => {
    const merged = mergeCluster([
      member(1, "Caroline: I finally finished the painting.\nIt took 6 weeks.\nMelanie: Wow, can I see it?"),
      member(2, "Caroline: Sure, I'll bring it on Friday."),
    ])!;
    expect(lines(merged.content)).toEqual([
      "Caroline: I finally finished the painting.",
      "Caroline: It took 6 weeks.",
      "Melanie: Wow, can I see it?",
      "Caroline: Sure, I'll bring it on Friday.",
    ]);
  });

  it("does the same in Chinese (小红/小李), with a speaker from metadata", () => {
    const merged = mergeCluster([
      member(4, "好啊，我们约下周六。", { speaker: "小李" }),
      member(1, "小红：周末去哪儿了？我去了西湖，拍了200多张照片。"),
      member(5, "小李：我在家剪视频，剪了3条。"),
      member(2, "小李：我在家剪视频，剪了3条。你用的什么相机？"),
      member(3, "小红：富士 X100V。下次一起去吧？"),
    ])!;
    expect(merged.content).toBe(
      [
        "小红：周末去哪儿了？我去了西湖，拍了200多张照片。",
        "小李：我在家剪视频，剪了3条。你用的什么相机？",
        "小红：富士 X100V。下次一起去吧？",
        "小李：好啊，我们约下周六。",
      ].join("\n"),
    );
    for (const [speaker, sentence] of [
      ["小红", "周末去哪儿了？"],
      ["小红", "我去了西湖，拍了200多张照片。"],
      ["小李", "你用的什么相机？"],
      ["小红", "富士 X100V。"],
      ["小红", "下次一起去吧？"],
      ["小李", "好啊，我们约下周六。"],
    ])
      expect(underSpeaker(merged.content, speaker, sentence), `${speaker}：${sentence}`).toBe(true);
  });

  it("does not merge a cluster whose merged text would not fit in one memory (nothing is cut)", () => {
    const long = (who: string, n: number) =>
      `${who}: ${Array.from({ length: n }, (_, i) => `${who} remembers detail number ${i} of the trip.`).join(" ")}`;
    const fits = [member(1, long("Caroline", 40)), member(2, long("Melanie", 40))];
    const merged = mergeCluster(fits)!;
    expect(merged.content.length).toBeLessThanOrEqual(maxContentChars);
    expect(merged.content).toContain("Melanie remembers detail number 39 of the trip.");
    const tooLong = [member(1, long("Caroline", 90)), member(2, long("Melanie", 90)), member(3, long("Caroline", 10))];
    expect(tooLong.map((m) => m.content.length).reduce((a, b) => a + b)).toBeGreaterThan(maxContentChars);
    expect(mergeCluster(tooLong)).toBeNull();
  });
});

describe("speaker labels and sentences", () => {
  it("reads a label only where a speaker is named", () => {
    expect(speakerLabel("Caroline: hi")?.name).toBe("Caroline");
    expect(speakerLabel("小红：你好")?.name).toBe("小红");
    expect(speakerLabel("Speaker 2: hi")?.name).toBe("Speaker 2");
    expect(speakerLabel("https://example.com/a")).toBeNull();
    expect(speakerLabel("10:30 stand-up")).toBeNull();
    expect(speakerLabel("We meet at 10:30 today")).toBeNull();
    expect(speakerLabel("This sentence has far too many words before: it")).toBeNull();
  });

  it("splits sentences so that they join back to the same text", () => {
    for (const text of [
      "Hey Mel!! Did you go? I went to Mt. Tam, 3.5 miles.",
      "周末去哪儿了？我去了西湖……拍了照片。",
      "no terminator at all",
    ])
      expect(splitSentences(text).join("")).toBe(text);
    expect(splitSentences("Hi! How are you?").map((s) => s.trim())).toEqual(["Hi!", "How are you?"]);
  });

  it("writes a metadata speaker out on each line", () => {
    expect(attributedText({ content: "They loved it.\nSee you!", metadata: { speaker: "Melanie" } })).toBe(
      "Melanie: They loved it.\nMelanie: See you!",
    );
    expect(attributedText({ content: "好啊", metadata: { speaker: "小李" } })).toBe("小李：好啊");
  });
});

describe("the check on a model's summary", () => {
  const notes = [
    "Caroline: Have you been able to get outside lately? I went hiking at Mt. Tam on Saturday.",
    "Melanie: We took the kids camping at Big Sur last month, 3 nights, about 1,200 photos.",
    "小红：我用《小红书运营手册》里的方法，涨了500粉 #运营",
  ];

  it("passes a summary that keeps every speaker, number and name", () => {
    const good =
      "Caroline asked Melanie whether she had been outside lately; Caroline hiked Mt. Tam on Saturday. Melanie camped 3 nights at Big Sur last month with the kids (1200 photos). 小红：按《小红书运营手册》涨了500粉 #运营";
    expect(missingFacts(notes, good)).toEqual([]);
  });

  it("names what a summary lost: a dropped turn takes its speaker and figures with it", () => {
    const lossy = "Caroline: hiked Mt. Tam on Saturday and asked about getting outside. 小红：按《小红书运营手册》涨了5000粉 #运营";
    expect(missingFacts(notes, lossy).sort()).toEqual(["1200", "3", "500", "Big", "Melanie", "Sur"].sort());
  });
});
