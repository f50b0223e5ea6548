/**
 * `#topic` suggestions for the editor: the rising topics of the last 7 days from the competitor
 * data (scored by lib/competitors/rules/rank-hot-topics.ts through getHotTopics, labelled "热门"), then the
 * workspace's own topics and the evergreen ones. Server only; the pure ranking the browser also
 * uses is in rank-topics.ts.
 */
import type { DbOrTx } from "@/db/client";
import { getHotTopics } from "@/lib/competitors/queries/hot-topics";
import { dayKey } from "@/lib/competitors/rules/time-buckets";
import { mergeTopicSuggestions, type TopicSuggestion } from "./rank-topics";
import { workspaceTopics } from "./workspace-topics";

export async function topicSuggestions(
  db: DbOrTx,
  ws: { workspaceId: string; timezone: string },
  options: { withHot: boolean; now?: Date },
): Promise<TopicSuggestion[]> {
  const today = dayKey(options.now ?? new Date(), ws.timezone);
  const [own, hot] = await Promise.all([workspaceTopics(db, ws.workspaceId), options.withHot ? getHotTopics(db, ws, today) : null]);
  return mergeTopicSuggestions(own, hot?.topics.map((t) => t.topic) ?? []);
}
