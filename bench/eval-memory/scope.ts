/**
 * How the eval keeps its conversations apart inside one workspace. Exactly two functions know:
 * `labelForConversation` marks a memory as part of a conversation when it is created, and
 * `limitToConversation` restricts a search to that conversation. Today both use a tag,
 * `conv:<name>`; when the engine gets first-class scopes, change these two and nothing else.
 */
export type CreateBody = {
  content: string;
  type: "long_term";
  privacy: "workspace";
  tags: string[];
  metadata: Record<string, unknown>;
} & Record<string, unknown>;

export type SearchMode = "hybrid" | "keyword" | "vector";
export type SearchBody = { query: string; k: number; mode: SearchMode; tags?: string[] } & Record<string, unknown>;

const maxTagChars = 40; // lib/memory/memory-schemas.ts

function conversationTag(conversation: string): string {
  const tag = `conv:${conversation}`;
  if (tag.length > maxTagChars) throw new Error(`eval: conversation name "${conversation}" is too long for a ${maxTagChars}-character tag`);
  return tag;
}

export function labelForConversation(body: CreateBody, conversation: string): CreateBody {
  return { ...body, tags: [...body.tags, conversationTag(conversation)] };
}

export function limitToConversation(body: SearchBody, conversation: string): SearchBody {
  return { ...body, tags: [...(body.tags ?? []), conversationTag(conversation)] };
}
