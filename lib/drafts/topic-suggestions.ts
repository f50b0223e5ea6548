/**
 * `#topic` suggestions for the editor: the rising topics of the last 7 days from the competitor
 * data (scored by lib/analytics/hot-topics.ts through getHotTopics, labelled "热门"), then the
 * workspace's own topics and the evergreen ones. Ranking for a typed partial lives here too.
 */
import type { DbOrTx } from "@/db/client";
import { getHotTopics } from "@/lib/analytics/queries/hot-topics";
import { dayKey } from "@/lib/analytics/time-buckets";
import { workspaceTopics } from "./workspace-topics";

export type TopicSuggestion = { topic: string; isHot: boolean };

/** Hot topics first (best score first), then the others; a topic appears once, hot if it is hot. */
export function mergeTopicSuggestions(own: string[], hot: string[], limit = 80): TopicSuggestion[] {
  const hotSet = new Set(hot);
  const ordered = [...new Set([...hot, ...own])];
  return ordered.slice(0, limit).map((topic) => ({ topic, isHot: hotSet.has(topic) }));
}

/** For a typed partial: prefix matches before substring matches; hot before the rest within each. */
export function rankTopics(topics: TopicSuggestion[], query: string, limit = 8): TopicSuggestion[] {
  const q = query.toLowerCase();
  const rank = (t: TopicSuggestion) => {
    const name = t.topic.toLowerCase();
    const match = name.startsWith(q) ? 0 : name.includes(q) ? 1 : -1;
    return match < 0 ? -1 : match * 2 + (t.isHot ? 0 : 1);
  };
  return topics
    .map((t, i) => ({ t, i, r: rank(t) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.t);
}

export async function topicSuggestions(db: DbOrTx, ws: { workspaceId: string; timezone: string }, options: { withHot: boolean; now?: Date }): Promise<TopicSuggestion[]> {
  const today = dayKey(options.now ?? new Date(), ws.timezone);
  const [own, hot] = await Promise.all([workspaceTopics(db, ws.workspaceId), options.withHot ? getHotTopics(db, ws, today) : null]);
  return mergeTopicSuggestions(own, hot?.topics.map((t) => t.topic) ?? []);
}
