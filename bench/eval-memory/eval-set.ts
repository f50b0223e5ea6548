/**
 * The one shape every memory eval set is turned into: conversations (each searched on its own),
 * their turns in time order (one memory each), and questions naming the turns that answer them.
 * REALTALK, the team-notes set and the hand-written dialogue slice all become this.
 */
export type EvalTurn = {
  /** Unique within the conversation (a dia id such as "D3:14"); what evidence refers to. */
  key: string;
  content: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
};

export type EvalQuestion = {
  query: string;
  /** Keys of the turns that hold the answer; never empty. */
  evidence: string[];
  /** The slices the question is reported in (a category, a language, …). */
  categories: string[];
};

export type EvalConversation = { name: string; turns: EvalTurn[]; questions: EvalQuestion[] };

export type EvalSet = {
  /** Short id: the --set value and the key in the results file. */
  id: string;
  title: string;
  conversations: EvalConversation[];
  /** Table order of the categories. */
  categories: string[];
  /** What was cleaned or skipped while reading the data, printed under the table. */
  notes: string[];
};
