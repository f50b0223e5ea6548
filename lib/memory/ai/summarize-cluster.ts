/**
 * The LLM summary of a compression cluster, when the workspace configured an OpenAI-compatible
 * chat model: one memory that keeps every distinct fact of the members, in their language. Any
 * failure (provider down, timeout, empty answer) returns null and the caller keeps the
 * extractive merge; the reason is logged without the key.
 */
import type { DbOrTx } from "@/db/client";
import { getLogger } from "@/lib/observability/logger";
import { maxContentChars } from "../memory-schemas";
import { loadAiSettings, readApiKey } from "./ai-settings";
import { chatComplete, type OpenAiChatConfig } from "./openai-chat";

const instructions =
  "你负责整理内容团队的记忆。把下面几条相似的笔记合并成一条简洁的记忆：保留每一个不同的事实、数字和结论，不要编造，不要加开头语，用笔记原本的语言（中文笔记用中文）。\n" +
  "Merge the notes below into one concise memory: keep every distinct fact, number and conclusion, invent nothing, no preamble, in the notes' own language.";

export async function chatConfigFor(db: DbOrTx, workspaceId: string): Promise<OpenAiChatConfig | null> {
  const row = await loadAiSettings(db, workspaceId);
  if (!row?.chatBaseUrl || !row.chatModel) return null;
  return { baseUrl: row.chatBaseUrl, model: row.chatModel, apiKey: readApiKey(row.chatApiKey) };
}

export async function summarizeCluster(
  chat: OpenAiChatConfig,
  contents: string[],
  options: { timeoutMs?: number } = {},
): Promise<string | null> {
  try {
    const notes = contents.map((c, i) => `${i + 1}. ${c.replace(/\s+/g, " ").trim()}`).join("\n");
    const text = await chatComplete(
      chat,
      [
        { role: "system", content: instructions },
        { role: "user", content: notes },
      ],
      { timeoutMs: options.timeoutMs ?? 30_000, retries: 1, maxTokens: 800 },
    );
    return text.slice(0, maxContentChars);
  } catch (err) {
    getLogger().warn(
      { err: { message: (err as Error).message }, model: chat.model },
      "memory compression: LLM summary failed, using the extractive merge",
    );
    return null;
  }
}
