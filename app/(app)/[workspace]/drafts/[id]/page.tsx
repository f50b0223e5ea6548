import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { DraftWorkspace } from "@/components/drafts/draft-workspace";
import { Forbidden } from "@/components/ui/forbidden";
import { listAccounts } from "@/lib/accounts/queries";
import { can } from "@/lib/auth/context";
import { findDraft } from "@/lib/drafts/get-draft";
import { getNoteSettings } from "@/lib/drafts/note-settings-store";
import { topicSuggestions } from "@/lib/drafts/topic-suggestions";
import { requirePageContext } from "@/lib/next/session-context";
import { getWorkspaceBySlug } from "@/lib/workspaces/queries";
import { deleteDraftAction } from "../actions";
import { defaultTimezone } from "@/lib/workspaces/timezones";

export const metadata = { title: "Draft" };

export default async function DraftPage({ params }: { params: Promise<{ workspace: string; id: string }> }) {
  const { workspace, id } = await params;
  const ctx = await requirePageContext(workspace);
  if (!can(ctx, "drafts.read")) return <Forbidden />;
  const db = getDb();
  const ws = await getWorkspaceBySlug(db, workspace);
  const timeZone = ws?.timezone ?? defaultTimezone;
  const [draft, accounts, settings, topics, t] = await Promise.all([
    findDraft(db, ctx, id),
    listAccounts(db, ctx),
    getNoteSettings(db, ctx.workspaceId),
    topicSuggestions(db, { workspaceId: ctx.workspaceId, timezone: timeZone }, { withHot: can(ctx, "competitors.read") }),
    getTranslations("drafts"),
  ]);
  if (!draft) notFound();
  // Dates cross to the client as ISO strings, as they do over the API.
  const plain = JSON.parse(JSON.stringify(draft));
  return (
    <>
      <Link
        href={`/${workspace}/drafts`}
        className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
      >
        <ArrowLeft className="size-4" /> {t("backToList")}
      </Link>
      <DraftWorkspace
        slug={workspace}
        deleteAction={can(ctx, "drafts.delete") ? deleteDraftAction : undefined}
        draft={plain}
        accounts={accounts.map((a) => ({ id: a.id, name: a.name, redId: a.redId }))}
        settings={settings}
        topics={topics}
        timeZone={timeZone}
        abilities={{
          canWrite: can(ctx, "drafts.write"),
          canSubmit: can(ctx, "drafts.submit"),
          canApprove: can(ctx, "drafts.approve"),
          canSchedule: can(ctx, "schedules.write"),
        }}
      />
    </>
  );
}
