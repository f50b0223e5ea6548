/**
 * The copilot's two-tier memory: memories (with a native libSQL vector column), their change
 * history, and each user's memory settings. FTS5 and the DiskANN index live in the custom
 * migration (drizzle cannot express them).
 */
import { customType, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";
import { accounts, workspaces } from "./workspaces";

export const memoryEmbeddingDim = 384;

/** F32_BLOB(n): written through vector32(json), read back as raw bytes -> number[]. */
const f32Vector = (dim: number) =>
  customType<{ data: number[]; driverData: ArrayBuffer | Uint8Array | null }>({
    dataType() {
      return `F32_BLOB(${dim})`;
    },
    toDriver(value) {
      return sql`vector32(${JSON.stringify(value)})` as unknown as ArrayBuffer;
    },
    fromDriver(value) {
      if (!value) return [];
      const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
      return Array.from(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + dim * 4)));
    },
  });

export const memoryTypes = ["short_term", "long_term"] as const;
export const memorySources = ["manual", "copilot", "import", "compression"] as const;
export const memoryPrivacies = ["private", "workspace"] as const;
export type MemoryType = (typeof memoryTypes)[number];
export type MemorySource = (typeof memorySources)[number];
export type MemoryPrivacy = (typeof memoryPrivacies)[number];

export const memories = sqliteTable(
  "memories",
  {
    /** An explicit integer rowid: VACUUM may renumber implicit rowids, which FTS5 and the vector index key on. */
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    type: text("type", { enum: memoryTypes }).notNull(),
    content: text("content").notNull(),
    category: text("category"),
    /** Stored as a JSON array; FTS5 indexes this text too. */
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    importance: real("importance").notNull().default(0.5),
    accessCount: integer("access_count").notNull().default(0),
    lastAccessedAt: integer("last_accessed_at", { mode: "timestamp_ms" }),
    embedding: f32Vector(memoryEmbeddingDim)("embedding"),
    /** The content's search terms (lib/text/search-terms.ts), space-separated: what memories_fts indexes. */
    searchTerms: text("search_terms"),
    /** The tags' and category's search terms, indexed as a second, lighter column. */
    searchTags: text("search_tags"),
    /** Which analysis made search_terms and the built-in vector; older rows are re-indexed at start. */
    indexVersion: integer("index_version").notNull().default(0),
    source: text("source", { enum: memorySources }).notNull().default("manual"),
    privacy: text("privacy", { enum: memoryPrivacies }).notNull().default("private"),
    /**
     * Scopes beside tags (docs/adr/0009-memory-scopes.md): the RED account a memory is about, the
     * agent that wrote it and the run (conversation) it came from. null: not scoped. The "user"
     * scope is owner_id.
     */
    accountId: text("account_id").references(() => accounts.id),
    agentId: text("agent_id"),
    runId: text("run_id"),
    /** Set on the members of a compression: they stay (hidden) so the merge can be undone. */
    compressedInto: text("compressed_into"),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("memories_id_idx").on(t.id),
    index("memories_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("memories_workspace_owner_idx").on(t.workspaceId, t.ownerId),
    index("memories_expiry_idx").on(t.workspaceId, t.type, t.expiresAt),
    index("memories_workspace_account_idx").on(t.workspaceId, t.accountId),
    index("memories_workspace_agent_idx").on(t.workspaceId, t.agentId),
    index("memories_workspace_run_idx").on(t.workspaceId, t.runId),
  ],
);

export const memoryHistoryActions = ["create", "update", "delete", "compress", "promote", "cleanup", "restore"] as const;
export type MemoryHistoryAction = (typeof memoryHistoryActions)[number];

export const memoryHistory = sqliteTable(
  "memory_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    memoryId: text("memory_id").notNull(),
    /** null when the system acted (scheduled maintenance). */
    actorId: text("actor_id"),
    action: text("action", { enum: memoryHistoryActions }).notNull(),
    /** Groups the rows of one cleanup/compress run so it can be undone as a whole. */
    batchId: text("batch_id"),
    previous: text("previous", { mode: "json" }).$type<MemorySnapshot | null>(),
    next: text("next", { mode: "json" }).$type<MemorySnapshot | null>(),
    createdAt: createdAt(),
  },
  (t) => [index("memory_history_memory_idx").on(t.memoryId, t.id), index("memory_history_batch_idx").on(t.workspaceId, t.batchId)],
);

export const userMemoryConfigs = sqliteTable(
  "user_memory_configs",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** Unused default: every write stores all fields, from defaultMemoryConfig (lib/memory/memory-config.ts, 30 days). */
    shortTermRetentionDays: integer("short_term_retention_days").notNull().default(7),
    longTermThreshold: real("long_term_threshold").notNull().default(0.7),
    promoteAfterAccesses: integer("promote_after_accesses").notNull().default(5),
    autoCleanup: integer("auto_cleanup", { mode: "boolean" }).notNull().default(true),
    autoCompress: integer("auto_compress", { mode: "boolean" }).notNull().default(true),
    compressionThreshold: real("compression_threshold").notNull().default(0.85),
    defaultPrivacy: text("default_privacy", { enum: memoryPrivacies }).notNull().default("private"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

/** What history keeps of a memory: everything but the vector (re-embedded on restore). */
export type MemorySnapshot = {
  id: string;
  ownerId: string;
  type: MemoryType;
  content: string;
  category: string | null;
  tags: string[];
  metadata: Record<string, unknown>;
  importance: number;
  accessCount: number;
  source: MemorySource;
  privacy: MemoryPrivacy;
  compressedInto: string | null;
  expiresAt: number | null;
  createdAt: number;
  /** Absent in snapshots taken before the scope columns (0022). */
  accountId?: string | null;
  agentId?: string | null;
  runId?: string | null;
};

export type Memory = typeof memories.$inferSelect;
export type NewMemory = typeof memories.$inferInsert;
export type MemoryHistoryRow = typeof memoryHistory.$inferSelect;
export type UserMemoryConfig = typeof userMemoryConfigs.$inferSelect;
