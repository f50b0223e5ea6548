/** Publishing records owned by the publisher plugins (the sandbox's "would have published" log). */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { accounts, workspaces } from "./workspaces";

export const sandboxPublications = sqliteTable(
  "sandbox_publications",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind", { enum: ["image", "video"] }).notNull(),
    title: text("title").notNull(),
    /** The full note exactly as a real publisher would have received it. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sandbox_publications_account_idx").on(t.accountId, t.createdAt)],
);

export type SandboxPublication = typeof sandboxPublications.$inferSelect;
