import { Brain } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { MaintenancePanel } from "@/components/memories/maintenance-panel";
import { MemoryConfigForm } from "@/components/memories/memory-config-form";
import { MemoryCreateForm } from "@/components/memories/memory-create-form";
import { MemoryFilters } from "@/components/memories/memory-filters";
import { MemoryList } from "@/components/memories/memory-list";
import { MemoryStatsCharts } from "@/components/memories/memory-stats-charts";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/context";
import { memoryPatterns } from "@/lib/memory/analytics/memory-patterns";
import { memoryStats } from "@/lib/memory/analytics/memory-stats";
import { workspaceTimezone } from "@/lib/workspaces/queries";
import { listMemories } from "@/lib/memory/list-memories";
import { actorOf } from "@/lib/memory/memory-access";
import { getMemoryConfig } from "@/lib/memory/memory-config";
import { searchMemories } from "@/lib/memory/search/search-memories";
import { requirePageContext } from "@/lib/next/session-context";
import { MemoryProvidersForm } from "@/components/memories/memory-providers-form";
import { ReembedProgress } from "@/components/memories/reembed-progress";
import { getAiSettings } from "@/lib/memory/ai/update-ai-settings";
import {
  cleanupMemoriesAction,
  compressMemoriesAction,
  createMemoryAction,
  reembedStatusAction,
  resumeReembedAction,
  undoRunAction,
  updateAiSettingsAction,
  updateMemoryConfigAction,
} from "./actions";

export const metadata = { title: "Memory" };

type Search = Record<string, string | undefined>;
const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
  allowed.includes(value as T) ? (value as T) : undefined;

export default async function MemoriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Search>;
}) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "memories.read")) return <Forbidden />;
  const db = getDb();
  const actor = actorOf(ctx);
  const s = await searchParams;
  const filters = {
    type: pick(s.type, ["short_term", "long_term"] as const),
    privacy: pick(s.privacy, ["private", "workspace"] as const),
    tags: s.tag?.trim() ? [s.tag.trim().slice(0, 40)] : undefined,
  };
  const sort = pick(s.sort, ["created", "importance", "access"] as const) ?? "created";
  const q = s.q?.trim().slice(0, 500);
  const timezone = await workspaceTimezone(db, ctx.workspaceId);
  const [t, config, stats, patterns] = await Promise.all([
    getTranslations("memories"),
    getMemoryConfig(db, actor),
    memoryStats(db, actor, timezone),
    memoryPatterns(db, actor, timezone),
  ]);
  const page = q
    ? { items: (await searchMemories(db, actor, { query: q, k: 30, ...filters })).hits, nextCursor: null }
    : await listMemories(db, actor, { ...filters, sort, cursor: s.cursor?.slice(0, 200), limit: 20 }).then((r) => ({
        items: r.memories.map((memory) => ({ memory })),
        nextCursor: r.nextCursor,
      }));
  const canWrite = can(ctx, "memories.write");
  const canManage = can(ctx, "memories.manage");
  const providers = canManage ? await getAiSettings(db, ctx.workspaceId) : null;
  const slug = ctx.workspaceSlug;
  const labels = {
    types: { short_term: t("types.short_term"), long_term: t("types.long_term") },
    privacies: { private: t("privacies.private"), workspace: t("privacies.workspace") },
    importance: t("importance"),
    uses: t("accessCount"),
    score: t("score"),
  };
  const nextHref = page.nextCursor ? `?${new URLSearchParams({ ...(s as Record<string, string>), cursor: page.nextCursor })}` : null;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          canWrite ? (
            <MaintenancePanel
              slug={slug}
              actions={{ compress: compressMemoriesAction, cleanup: cleanupMemoriesAction, undo: undoRunAction }}
            />
          ) : undefined
        }
      />
      <div className="space-y-6">
        <MemoryStatsCharts stats={stats} patterns={patterns} />
        {canWrite ? (
          <MemoryCreateForm slug={slug} action={createMemoryAction} defaultPrivacy={config.defaultPrivacy} />
        ) : (
          <Alert>{t("readOnly")}</Alert>
        )}
        <MemoryFilters values={{ q, type: filters.type, privacy: filters.privacy, tag: s.tag, sort }} />
        {page.items.length === 0 ? (
          <EmptyState icon={<Brain className="size-8" />} title={q ? t("noResults") : t("emptyTitle")} body={q ? "" : t("emptyBody")} />
        ) : (
          <MemoryList slug={slug} items={page.items} labels={labels} />
        )}
        {nextHref && (
          <div className="flex justify-end">
            <Link href={nextHref} className="text-sm text-brand-600 hover:underline">
              {(await getTranslations("common"))("nextPage")} →
            </Link>
          </div>
        )}
        {canWrite && (
          <Card className="p-4">
            <h2 className="mb-3 text-sm font-semibold">{t("config")}</h2>
            <MemoryConfigForm slug={slug} config={config} action={updateMemoryConfigAction} />
          </Card>
        )}
        {providers && (
          <Card className="space-y-4 p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-sm font-semibold">{t("providers.title")}</h2>
              <span className="text-xs text-zinc-500">
                {t("providers.active", {
                  name:
                    providers.active.provider === "builtin"
                      ? t("providers.builtin")
                      : `${providers.active.model} (${providers.active.dim})`,
                })}
              </span>
            </div>
            {providers.job && (
              <ReembedProgress slug={slug} job={providers.job} statusAction={reembedStatusAction} resumeAction={resumeReembedAction} />
            )}
            <MemoryProvidersForm slug={slug} settings={providers} action={updateAiSettingsAction} />
          </Card>
        )}
      </div>
    </>
  );
}
