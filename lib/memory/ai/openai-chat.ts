/** `POST {base}/chat/completions` on an OpenAI-compatible API: one answer text, or AI_PROVIDER_FAILED. */
import { AppError } from "@/lib/errors/app-error";
import { postOpenAi, type OpenAiCallOptions, type OpenAiEndpoint } from "./openai-client";

export type OpenAiChatConfig = OpenAiEndpoint & { model: string };
export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

type ChatAnswer = { choices?: { message?: { content?: unknown } }[] };

export async function chatComplete(
  config: OpenAiChatConfig,
  messages: ChatMessage[],
  options: OpenAiCallOptions & { maxTokens?: number } = {},
): Promise<string> {
  const answer = await postOpenAi<ChatAnswer>(
    config,
    "/chat/completions",
    { model: config.model, messages, temperature: 0.2, ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}) },
    options,
  );
  const content = answer.choices?.[0]?.message?.content;
  if (typeof content !== "string" || !content.trim())
    throw new AppError("AI_PROVIDER_FAILED", { detail: "/chat/completions: the answer has no text" });
  return content.trim();
}
