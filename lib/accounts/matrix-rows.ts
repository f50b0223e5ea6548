/**
 * The matrix row as the client receives it (no secrets: see ./account-view.ts); imports
 * nothing, so client components can use it.
 * Times are ISO strings: the rows travel as one JSON string (see MatrixItemsJson).
 */
export type MatrixItem = {
  id: string;
  name: string;
  redId: string;
  avatarUrl: string | null;
  status: string;
  statusReason: string | null;
  groups: string[];
  tags: string[];
  postingSlots: string[];
  publisherName: string;
  breaker?: "closed" | "open" | "half_open";
  lastCheckAt: string | null;
  lastCheckOk: boolean | null;
  lastCheckMessage: string | null;
  followers: number | null;
  postsThisWeek: number;
  nextScheduledAt: string | null;
  lastPublish: { status: "published" | "failed" | "unconfirmed"; at: string } | null;
  failures7d: number;
};

/**
 * The rows as one JSON string. React serializes a prop value by value (about 13 µs per account,
 * then as much again to read it back while rendering the HTML); one string costs a fraction of
 * that and the browser parses it natively (bench: accounts-matrix).
 */
export type MatrixItemsJson = string & { readonly __brand: "MatrixItemsJson" };

export const parseMatrixItems = (json: MatrixItemsJson) => JSON.parse(json) as MatrixItem[];

export type MemberOption = { id: string; name: string };
