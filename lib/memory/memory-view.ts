/** The JSON shape of a memory outside lib/ (API, cache, UI): no vector, ISO dates. */
import { getTableColumns } from "drizzle-orm";
import { memories, type Memory, type MemorySnapshot } from "@/db/schema";

const { embedding: _embedding, searchTerms: _terms, searchTags: _tags, indexVersion: _version, ...rest } = getTableColumns(memories);
/** Every column but the vector and the search index's terms: what reads select. */
export const memoryColumns = rest;

export type MemoryRow = Omit<Memory, "embedding" | "searchTerms" | "searchTags" | "indexVersion">;

export type MemoryView = Omit<MemoryRow, "seq" | "lastAccessedAt" | "expiresAt" | "createdAt" | "updatedAt"> & {
  lastAccessedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toMemoryView(row: MemoryRow): MemoryView {
  const { seq: _seq, ...m } = row;
  return {
    ...m,
    lastAccessedAt: iso(m.lastAccessedAt),
    expiresAt: iso(m.expiresAt),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function toSnapshot(row: MemoryRow): MemorySnapshot {
  return {
    id: row.id,
    ownerId: row.ownerId,
    type: row.type,
    content: row.content,
    category: row.category,
    tags: row.tags,
    metadata: row.metadata,
    importance: row.importance,
    accessCount: row.accessCount,
    source: row.source,
    privacy: row.privacy,
    compressedInto: row.compressedInto,
    expiresAt: row.expiresAt ? row.expiresAt.getTime() : null,
    createdAt: row.createdAt.getTime(),
    accountId: row.accountId,
    agentId: row.agentId,
    runId: row.runId,
  };
}
