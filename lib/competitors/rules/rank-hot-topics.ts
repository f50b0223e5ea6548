/**
 * Hot-topic scoring: which topics (or keywords) rose most in the last window (7 days) vs the one
 * before. Per topic, with c = notes mentioning it, e = their engagement, N = all notes in the window
 * (1 = current, 0 = previous):
 *
 *   frequencyGrowth  = ln((c1 + 1) / (c0 + 1))            smoothed log-ratio, finite when c0 = 0
 *   engagementGrowth = ln((e1 + k) / (e0 + k)),   k = average engagement per note over both windows
 *                      (a prior of one typical note: one lucky note cannot dominate the ranking)
 *   z                = (p1 - p0) / sqrt(p (1 - p) (1/N1 + 1/N0)),  p1 = c1/N1, p0 = c0/N0,
 *                      p = (c1 + c0) / (N1 + N0)            two-proportion z-score of the share of notes
 *   score            = (frequencyGrowth + engagementGrowth) / 2 * ln(1 + c1)
 *
 * The log(1 + c1) weight keeps a topic that went from 0 to 1 note below one that went from 10 to
 * 40. A topic is "significant" when z >= 1.96 (95%, one-sided would be 1.645) and c1 >= minNotes.
 */
export type TopicWindowStats = { count: number; engagement: number };
export type TopicInput = { topic: string; current: TopicWindowStats; previous: TopicWindowStats };
export type TopicScore = TopicInput & {
  frequencyGrowth: number;
  engagementGrowth: number;
  z: number;
  score: number;
  isSignificant: boolean;
};

export const significanceZ = 1.96;

export function twoProportionZ(c1: number, n1: number, c0: number, n0: number): number {
  if (n1 <= 0 || n0 <= 0) return 0;
  const p = (c1 + c0) / (n1 + n0);
  const variance = p * (1 - p) * (1 / n1 + 1 / n0);
  if (variance <= 0) return 0;
  return (c1 / n1 - c0 / n0) / Math.sqrt(variance);
}

/** Notes in each window; engagementPerNote is k above (1 when unknown). */
export type WindowTotals = { current: number; previous: number; engagementPerNote?: number };

export function scoreTopic(input: TopicInput, totals: WindowTotals, minNotes = 3): TopicScore {
  const k = Math.max(1, totals.engagementPerNote ?? 1);
  const frequencyGrowth = Math.log((input.current.count + 1) / (input.previous.count + 1));
  const engagementGrowth = Math.log((input.current.engagement + k) / (input.previous.engagement + k));
  const z = twoProportionZ(input.current.count, totals.current, input.previous.count, totals.previous);
  const score = ((frequencyGrowth + engagementGrowth) / 2) * Math.log(1 + input.current.count);
  return { ...input, frequencyGrowth, engagementGrowth, z, score, isSignificant: z >= significanceZ && input.current.count >= minNotes };
}

/** Rising topics, best first: only those whose score is positive. */
export function rankHotTopics(
  inputs: TopicInput[],
  totals: WindowTotals,
  options: { limit?: number; minNotes?: number } = {},
): TopicScore[] {
  return inputs
    .map((t) => scoreTopic(t, totals, options.minNotes))
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score || b.z - a.z || a.topic.localeCompare(b.topic))
    .slice(0, options.limit ?? 20);
}

/** Aggregates notes into per-topic window stats; a note counts once per distinct topic. */
export function topicWindows(
  notes: { topics: string[]; engagement: number; publishedAt: Date }[],
  windowEnd: Date,
  days = 7,
): { inputs: TopicInput[]; totals: { current: number; previous: number } } {
  const span = days * 86_400_000;
  const end = windowEnd.getTime();
  const map = new Map<string, TopicInput>();
  const totals = { current: 0, previous: 0 };
  for (const note of notes) {
    const t = note.publishedAt.getTime();
    const which = t > end - span && t <= end ? "current" : t > end - 2 * span && t <= end - span ? "previous" : null;
    if (!which) continue;
    totals[which] += 1;
    for (const topic of new Set(note.topics)) {
      const entry = map.get(topic) ?? { topic, current: { count: 0, engagement: 0 }, previous: { count: 0, engagement: 0 } };
      entry[which].count += 1;
      entry[which].engagement += note.engagement;
      map.set(topic, entry);
    }
  }
  return { inputs: [...map.values()], totals };
}
