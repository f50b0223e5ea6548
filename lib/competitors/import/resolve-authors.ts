/**
 * Which competitor each imported note belongs to: one chosen competitor, or matched by author
 * (user_id = RED user id, else nickname = name), optionally creating competitors for new authors.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { competitors, type Competitor } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";

export type AuthorKey = { userId: string | null; nickname: string | null };
export type AssignMode = { mode: "competitor"; competitorId: string } | { mode: "by_author"; createMissing: boolean };

export function authorLabel(a: AuthorKey): string {
  return a.nickname ?? a.userId ?? "(unknown)";
}

function syntheticRedId(a: AuthorKey): string {
  if (a.userId && /^[A-Za-z0-9_.-]{1,64}$/.test(a.userId)) return a.userId;
  return `mc_${createHash("sha1").update(authorLabel(a)).digest("hex").slice(0, 12)}`;
}

/** Maps author label -> competitor id (undefined: no match and not created). */
export async function resolveAuthors(
  tx: DbOrTx,
  actor: AuditActor & { workspaceId: string },
  authors: AuthorKey[],
  assign: AssignMode,
  apply: boolean,
): Promise<Map<string, Competitor | undefined>> {
  const out = new Map<string, Competitor | undefined>();
  const all = await tx.select().from(competitors).where(eq(competitors.workspaceId, actor.workspaceId));
  if (assign.mode === "competitor") {
    const chosen = all.find((c) => c.id === assign.competitorId && !c.archivedAt);
    for (const a of authors) out.set(authorLabel(a), chosen);
    return out;
  }
  for (const a of authors) {
    const label = authorLabel(a);
    if (out.has(label)) continue;
    let match =
      all.find((c) => a.userId && c.redUserId === a.userId) ??
      all.find((c) => a.nickname && c.name.toLowerCase() === a.nickname.toLowerCase());
    if (!match && assign.createMissing && apply && a.nickname) {
      const redUserId = syntheticRedId(a);
      const [existing] = await tx
        .select()
        .from(competitors)
        .where(and(eq(competitors.workspaceId, actor.workspaceId), eq(competitors.redUserId, redUserId)))
        .limit(1);
      match =
        existing ??
        (
          await tx
            .insert(competitors)
            .values({ id: newId("cmp"), workspaceId: actor.workspaceId, name: a.nickname.slice(0, 60), redUserId, tags: ["MediaCrawler"] })
            .returning()
        )[0];
      if (!existing)
        await recordAudit(tx, actor, {
          action: "competitors.create",
          targetType: "competitor",
          targetId: match.id,
          after: { name: match.name, redUserId, via: "import" },
        });
      all.push(match);
    }
    out.set(label, match && !match.archivedAt ? match : undefined);
  }
  return out;
}
