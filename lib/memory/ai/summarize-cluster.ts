/**
 * The LLM summary of a compression cluster, when the workspace configured an OpenAI-compatible
 * chat model: one memory that keeps every fact and every speaker's words under that speaker, in
 * the notes' language. The notes go in creation order with their speaker on each line.
 *
 * The answer is used only when it fits in one memory and passes missingFacts (every speaker,
 * number and name of the notes appears in it); otherwise, or on any failure (provider down,
 * timeout, empty answer), this returns null and the caller keeps the extractive merge. Reasons are
 * logged without the key or the notes' text.
 */
import type { DbOrTx } from "@/db/client";
import { getLogger } from "@/lib/observability/logger";
import { missingFacts } from "../maintenance/merge-facts";
import { maxContentChars } from "../memory-schemas";
import { loadAiSettings, readApiKey } from "./ai-settings";
import { chatComplete, type OpenAiChatConfig } from "./openai-chat";

const instructions =
  "你负责整理内容团队的记忆。下面是按时间顺序排列的几条相关笔记或对话，请合并成一条记忆：\n" +
  "- 保留每一个事实、数字、人名、地名、品牌和结论，不要编造；\n" +
  "- 对话保留说话人：每句话写在原说话人名下（如“小红：”“Caroline: ”），绝不把一个人的话写到另一个人名下；\n" +
  "- 保留每一个问题，按原来的顺序；\n" +
  "- 只去掉完全重复的内容；不要加开头语，用笔记原本的语言（中文笔记用中文）。\n" +
  "Merge the notes below (in time order) into one memory: keep every fact, number, name, place, brand and conclusion, invent nothing; " +
  "keep each line of a dialogue under its original speaker (\"Caroline: …\"), never put one speaker's words under another's name; " +
  "keep every question, in order; drop only exact repetition; no preamble, in the notes' own language.";

export async function chatConfigFor(db: DbOrTx, workspaceId: string): Promise<OpenAiChatConfig | null> {
  const row = await loadAiSettings(db, workspaceId);
  if (!row?.chatBaseUrl || !row.chatModel) return null;
  return { baseUrl: row.chatBaseUrl, model: row.chatModel, apiKey: readApiKey(row.chatApiKey) };
}

/** `notes`: each member's attributed text (attributedText), oldest first. */
export async function summarizeCluster(
  chat: OpenAiChatConfig,
  notes: string[],
  options: { timeoutMs?: number } = {},
): Promise<string | null> {
  const log = getLogger();
  try {
    const numbered = notes.map((c, i) => `${i + 1}. ${c.split(/\r?\n/).join(" / ").replace(/\s+/g, " ").trim()}`).join("\n");
    const text = await chatComplete(
      chat,
      [
        { role: "system", content: instructions },
        { role: "user", content: numbered },
      ],
      { timeoutMs: options.timeoutMs ?? 30_000, retries: 1, maxTokens: 2_000 },
    );
    if (text.length > maxContentChars) {
      log.warn(
        { model: chat.model, chars: text.length },
        "memory compression: LLM summary too long for one memory, using the extractive merge",
      );
      return null;
    }
    const missing = missingFacts(notes, text);
    if (missing.length) {
      log.warn(
        { model: chat.model, missing: missing.length },
        "memory compression: LLM summary lost speakers, numbers or names, using the extractive merge",
      );
      return null;
    }
    return text;
  } catch (err) {
    log.warn(
      { err: { message: (err as Error).message }, model: chat.model },
      "memory compression: LLM summary failed, using the extractive merge",
    );
    return null;
  }
}
