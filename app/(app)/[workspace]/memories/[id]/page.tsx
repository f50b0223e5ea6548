import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { formatDateTime } from "@/components/audit/format-time";
import { MemoryEditForm } from "@/components/memories/memory-edit-form";
import { MemoryHistory } from "@/components/memories/memory-history";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { listMemoryHistory } from "@/lib/memory/history/list-memory-history";
import { actorOf } from "@/lib/memory/memory-access";
import { memoryLineage } from "@/lib/memory/memory-lineage";
import { requirePageContext } from "@/lib/next/session-context";
import { workspaceTimezone } from "@/lib/workspaces/queries";
import { deleteMemoryAction, restoreMemoryVersionAction, updateMemoryAction } from "../actions";

export const metadata = { title: "Memory" };

const versionsPerPage = 20;

export default async function MemoryDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; id: string }>;
  searchParams: Promise<{ versions?: string }>;
}) {
  const { workspace, id: rawId } = await params;
  const ctx = await requirePageContext(workspace);
  if (!can(ctx, "memories.read")) return <Forbidden />;
  const actor = actorOf(ctx);
  const db = getDb();
  const id = rawId.slice(0, 64);
  const detail = await memoryLineage(db, actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // `versions` is the history page's cursor; a stale or edited one shows the newest versions.
  const cursor = (await searchParams).versions?.slice(0, 200);
  const history = await listMemoryHistory(db, actor, id, { cursor, limit: versionsPerPage }).catch((error) => {
    if (cursor && error instanceof AppError && error.code === "VALIDATION_FAILED")
      return listMemoryHistory(db, actor, id, { limit: versionsPerPage });
    throw error;
  });
  const [t, locale, timeZone] = await Promise.all([getTranslations("memories"), getLocale(), workspaceTimezone(db, ctx.workspaceId)]);
  const m = detail.memory;
  const slug = ctx.workspaceSlug;
  const canEdit = can(ctx, "memories.write") && !m.compressedInto && (m.ownerId === ctx.userId || can(ctx, "memories.manage"));

  return (
    <>
      <PageHeader
        title={t("view")}
        subtitle={m.id}
        actions={
          <Link href={`/${slug}/memories`} className="text-sm text-brand-600 hover:underline">
            ← {t("backToList")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card className="space-y-3 p-4">
          <div className="flex flex-wrap gap-1.5">
            <Badge tone={m.type === "long_term" ? "brand" : "gray"}>{t(`types.${m.type}`)}</Badge>
            <Badge tone={m.privacy === "workspace" ? "green" : "amber"}>{t(`privacies.${m.privacy}`)}</Badge>
            <Badge>{t(`sources.${m.source}`)}</Badge>
            {m.compressedInto && <Badge tone="amber">{t("hiddenMember")}</Badge>}
          </div>
          {canEdit ? (
            // Keyed by the last change: after a restore the form shows the restored values, not what it was first given.
            <MemoryEditForm
              slug={slug}
              id={m.id}
              version={m.updatedAt}
              values={m}
              update={updateMemoryAction}
              remove={deleteMemoryAction}
            />
          ) : (
            <p className="whitespace-pre-wrap text-sm" data-testid="memory-content">
              {m.content}
            </p>
          )}
          <p className="text-xs text-zinc-500 tabular-nums">
            {t("createdAt")} {formatDateTime(new Date(m.createdAt), locale, timeZone)} · {t("accessCount")} {m.accessCount}
            {m.expiresAt && ` · ${t("expiresAt")} ${formatDateTime(new Date(m.expiresAt), locale, timeZone)}`}
          </p>
        </Card>
        <div className="space-y-4">
          {(detail.mergedFrom.length > 0 || detail.mergedInto) && (
            <Card className="p-4" data-testid="memory-lineage">
              <h2 className="mb-2 text-sm font-semibold">{t("lineage")}</h2>
              {detail.mergedInto && (
                <p className="text-sm">
                  {t("mergedInto")}:{" "}
                  <Link className="text-brand-600 hover:underline" href={`/${slug}/memories/${detail.mergedInto.id}`}>
                    {detail.mergedInto.content.slice(0, 60)}
                  </Link>
                </p>
              )}
              {detail.mergedFrom.length > 0 && <p className="text-xs text-zinc-500">{t("mergedFrom")}</p>}
              <ul className="mt-1 space-y-1 text-sm">
                {detail.mergedFrom.map((c) => (
                  <li key={c.id}>
                    <Link className="text-brand-600 hover:underline" href={`/${slug}/memories/${c.id}`}>
                      {c.content.slice(0, 60)}
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Card className="p-4" data-testid="memory-history">
            <h2 className="mb-2 text-sm font-semibold">{t("history")}</h2>
            <MemoryHistory
              slug={slug}
              memoryId={m.id}
              versions={history.versions}
              canRestore={canEdit}
              restore={restoreMemoryVersionAction}
              timeZone={timeZone}
              olderHref={history.nextCursor ? `?${new URLSearchParams({ versions: history.nextCursor })}` : null}
              newestHref={cursor ? `/${slug}/memories/${m.id}` : null}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
