/** The matrix row as the client receives it (no secrets: see lib/accounts/account-view.ts). */
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
  publisherId: string;
  publisherName: string;
  breaker?: "closed" | "open" | "half_open";
  lastCheckAt: Date | null;
  lastCheckOk: boolean | null;
  lastCheckMessage: string | null;
  followers: number | null;
  postsThisWeek: number;
  nextScheduledAt: Date | null;
  lastPublish: { status: "published" | "failed" | "unconfirmed"; at: Date } | null;
  failures7d: number;
};

export type MemberOption = { id: string; name: string };
