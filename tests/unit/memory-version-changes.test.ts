/** What a memory version changed and what restoring one would change (lib/memory/history/version-changes.ts). */
import { describe, expect, it } from "vitest";
import type { MemorySnapshot } from "@/db/schema";
import { toVersionView } from "@/lib/memory/history/memory-version-view";
import { changesToRestore, versionChanges } from "@/lib/memory/history/version-changes";

const snapshot = (over: Partial<MemorySnapshot> = {}): MemorySnapshot => ({
  id: "mry_1",
  ownerId: "usr_1",
  type: "short_term",
  content: "品牌调性：温柔",
  category: null,
  tags: ["品牌"],
  metadata: { a: 1, b: { c: 2 } },
  importance: 0.5,
  accessCount: 0,
  source: "manual",
  privacy: "private",
  compressedInto: null,
  expiresAt: null,
  createdAt: Date.UTC(2026, 0, 1),
  ...over,
});

describe("memory version changes", () => {
  it("lists the edited fields with before and after, and nothing for a create or a delete", () => {
    const before = snapshot();
    const after = snapshot({ content: "品牌调性：温柔、真诚", tags: ["品牌", "调性"], accessCount: 9 });
    expect(versionChanges(before, after)).toEqual([
      { field: "content", before: "品牌调性：温柔", after: "品牌调性：温柔、真诚" },
      { field: "tags", before: ["品牌"], after: ["品牌", "调性"] },
    ]);
    expect(versionChanges(null, after)).toEqual([]);
    expect(versionChanges(before, null)).toEqual([]);
  });

  it("ignores counters, expiry and lineage, and the key order of metadata", () => {
    const before = snapshot();
    const after = snapshot({ accessCount: 3, expiresAt: 1, compressedInto: "mry_2", metadata: { b: { c: 2 }, a: 1 } });
    expect(versionChanges(before, after)).toEqual([]);
    expect(changesToRestore(after, before)).toEqual({});
  });

  it("restores only the fields that differ, null category and type included", () => {
    const current = snapshot({ category: "受众", type: "long_term", importance: 0.9 });
    const version = snapshot();
    expect(changesToRestore(current, version)).toEqual({ category: null, type: "short_term", importance: 0.5 });
    expect(changesToRestore(version, version)).toEqual({});
  });

  it("tells the system from a person, and marks the version the memory is in now", () => {
    const row = (over: object) => ({
      id: 7,
      action: "update" as const,
      actorId: "usr_1",
      actorName: "运营小王",
      previous: snapshot(),
      next: snapshot({ content: "新内容" }),
      createdAt: new Date(Date.UTC(2026, 0, 2)),
      ...over,
    });
    const edited = toVersionView(row({}), snapshot({ content: "新内容" }));
    expect(edited).toMatchObject({
      id: 7,
      actor: { id: "usr_1", name: "运营小王" },
      isCurrent: true,
      createdAt: "2026-01-02T00:00:00.000Z",
    });
    expect(edited.snapshot?.createdAt).toBe("2026-01-01T00:00:00.000Z");
    expect(toVersionView(row({ actorId: "system", actorName: null }), snapshot()).actor).toBeNull();
    expect(toVersionView(row({ actorId: null, actorName: null }), snapshot()).actor).toBeNull();
    const deleted = toVersionView(row({ action: "delete", next: null }), snapshot({ content: "别的" }));
    expect(deleted).toMatchObject({ isCurrent: false, changes: [] });
    expect(deleted.snapshot?.content).toBe("品牌调性：温柔");
  });
});
