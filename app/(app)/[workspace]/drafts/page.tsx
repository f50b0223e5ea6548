import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { formatDateTime } from "@/components/audit/format-time";
import { DraftsBrowser, type BrowserFilters } from "@/components/drafts/drafts-browser";
import { NotificationsPanel } from "@/components/drafts/notifications-panel";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listAccounts } from "@/lib/accounts/queries";
import { getSelectedAccount } from "@/lib/next/selected-account";
import { can } from "@/lib/auth/context";
import { listFolders } from "@/lib/drafts/folders";
import { listDrafts, listDraftsQuerySchema } from "@/lib/drafts/list-drafts";
import { searchDrafts } from "@/lib/drafts/search-drafts";
import { listMembers } from "@/lib/members/queries";
import { listNotifications } from "@/lib/notifications/notifications";
import { requirePageContext } from "@/lib/next/session-context";
import { startOfDayInZone } from "@/lib/time/zoned";
import { getWorkspaceBySlug } from "@/lib/workspaces/queries";
import { createDraftAction, createFolderAction, deleteFolderAction, markNotificationsReadAction, moveDraftAction } from "./actions";
import { defaultTimezone } from "@/lib/workspaces/timezones";

export const metadata = { title: "Drafts" };
const pageSize = 20;

export default async function DraftsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "drafts.read")) return <Forbidden />;
  const search = await searchParams;
  const sp = Object.fromEntries(
    Object.entries(search)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v),
  );
  const db = getDb();
  const workspace = await getWorkspaceBySlug(db, ctx.workspaceSlug);
  // A picked day starts at midnight in the workspace's time zone, not UTC.
  const updatedFrom = typeof sp.updatedFrom === "string" ? startOfDayInZone(sp.updatedFrom, workspace?.timezone ?? defaultTimezone) : null;
  // The header switcher's account narrows the list unless the page's own account filter is set.
  const selected = await getSelectedAccount(ctx, search);
  // The schema is strict: keys it does not know (the switcher's `account`, the search `q`) must be left out, not set to undefined.
  const { account: _switcher, q: _search, ...filterParams } = sp;
  const parsed = listDraftsQuerySchema.safeParse({
    ...filterParams,
    accountId: sp.accountId ?? selected.accountId ?? undefined,
    updatedFrom: updatedFrom ?? undefined,
    pageSize,
  });
  const query = parsed.success ? parsed.data : listDraftsQuerySchema.parse({ pageSize });
  const q = typeof sp.q === "string" ? sp.q.trim().slice(0, 100) : "";
  const [t, locale, folders, accounts, members, unread] = await Promise.all([
    getTranslations("drafts"),
    getLocale(),
    listFolders(db, ctx.workspaceId),
    listAccounts(db, ctx),
    listMembers(db, ctx.workspaceId),
    listNotifications(db, ctx.workspaceId, ctx.userId, { unreadOnly: true, limit: 10 }),
  ]);
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));

  const result = q
    ? await searchDrafts(db, selected.scope, { q, limit: 50 }).then((hits) => ({
        total: hits.length,
        items: hits.map((h) => ({ ...h, text: h.snippet, title: h.titleMarked, marked: true })),
      }))
    : await listDrafts(db, ctx, query).then((r) => ({
        total: r.total,
        items: r.items.map((i) => ({ ...i, text: i.excerpt, marked: false })),
      }));
  const rows = result.items.map((i) => ({
    id: i.id,
    title: i.title,
    text: i.text,
    marked: i.marked,
    status: i.status,
    authorName: i.authorName,
    updatedAt: i.updatedAt.toISOString(),
    updatedLabel: formatDateTime(i.updatedAt, locale, workspace?.timezone),
    accountNames: i.accountIds.map((id) => accountName.get(id)).filter((n): n is string => !!n),
    topics: i.topics,
  }));
  const filters: BrowserFilters = {
    ...(q ? { q } : {}),
    status: query.status,
    accountId: query.accountId,
    authorId: query.authorId,
    folderId: query.folderId,
    sort: query.sort,
    updatedFrom: typeof sp.updatedFrom === "string" ? sp.updatedFrom : undefined,
    page: query.page,
  };

  return (
    <>
      <PageHeader title={t("title")} subtitle={q ? t("list.searchResults", { q, n: result.total }) : t("subtitle", { n: result.total })} />
      <NotificationsPanel slug={ctx.workspaceSlug} items={unread} markRead={markNotificationsReadAction.bind(null, ctx.workspaceSlug)} />
      <DraftsBrowser
        slug={ctx.workspaceSlug}
        rows={rows}
        total={result.total}
        pageSize={pageSize}
        filters={filters}
        folders={folders.map((f) => ({ id: f.id, name: f.name, parentId: f.parentId }))}
        accounts={accounts.map((a) => ({ id: a.id, name: a.name }))}
        authors={members.map((m) => ({ id: m.userId, name: m.name }))}
        canWrite={can(ctx, "drafts.write")}
        actions={{
          createDraft: createDraftAction,
          createFolder: createFolderAction,
          deleteFolder: deleteFolderAction,
          moveDraft: moveDraftAction,
        }}
      />
    </>
  );
}
