/**
 * How the eval keeps its conversations apart inside one workspace. Exactly two functions know:
 * `labelForConversation` marks a memory as part of a conversation when it is created, and
 * `limitToConversation` restricts a search to that conversation. Both use the run scope
 * (`runId`, docs/adr/0009-memory-scopes.md): one conversation is one run, as an agent would file
 * it. (A tag would work too, but tags are part of what a memory says, so `conv:…` would be
 * embedded and indexed into every turn.)
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

const maxRunChars = 64; // lib/memory/filters: scopeValueSchema

function conversationRun(conversation: string): string {
  const run = `conv-${conversation}`;
  if (run.length > maxRunChars)
    throw new Error(`eval: conversation name "${conversation}" is too long for a ${maxRunChars}-character run id`);
  return run;
}

export function labelForConversation(body: CreateBody, conversation: string): CreateBody {
  return { ...body, runId: conversationRun(conversation) };
}

export function limitToConversation(body: SearchBody, conversation: string): SearchBody {
  return { ...body, runId: conversationRun(conversation) };
}
