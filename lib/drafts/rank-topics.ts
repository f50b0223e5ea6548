/** Topic suggestions as the editor ranks them (pure: runs in the browser as well as on the server). */
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
