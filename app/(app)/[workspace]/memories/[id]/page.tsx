import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { formatDateTime } from "@/components/audit/format-time";
import { MemoryEditForm } from "@/components/memories/memory-edit-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { actorOf } from "@/lib/memory/memory-access";
import { memoryLineage } from "@/lib/memory/memory-lineage";
import { requirePageContext } from "@/lib/next/session-context";
import { deleteMemoryAction, updateMemoryAction } from "../actions";

export const metadata = { title: "Memory" };

export default async function MemoryDetailPage({ params }: { params: Promise<{ workspace: string; id: string }> }) {
  const { workspace, id } = await params;
  const ctx = await requirePageContext(workspace);
  if (!can(ctx, "memories.read")) return <Forbidden />;
  const actor = actorOf(ctx);
  const detail = await memoryLineage(getDb(), actor, id.slice(0, 64)).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("memories"), getLocale()]);
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
            <MemoryEditForm slug={slug} id={m.id} values={m} update={updateMemoryAction} remove={deleteMemoryAction} />
          ) : (
            <p className="whitespace-pre-wrap text-sm" data-testid="memory-content">
              {m.content}
            </p>
          )}
          <p className="text-xs text-zinc-500 tabular-nums">
            {t("createdAt")} {formatDateTime(new Date(m.createdAt), locale)} · {t("accessCount")} {m.accessCount}
            {m.expiresAt && ` · ${t("expiresAt")} ${formatDateTime(new Date(m.expiresAt), locale)}`}
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
            <ol className="space-y-2 text-sm">
              {detail.history.map((h) => (
                <li key={h.id} className="flex justify-between gap-2">
                  <span>
                    {t(`actions.${h.action}`)}
                    {h.actorId === "system" ? ` · ${t("system")}` : ""}
                  </span>
                  <span className="text-xs text-zinc-500 tabular-nums">{formatDateTime(new Date(h.createdAt), locale)}</span>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
