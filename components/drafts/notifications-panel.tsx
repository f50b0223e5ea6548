/** Unread notifications (review requests and decisions, publish problems, accounts that need a login), each linking to what it is about. */
import { Bell } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Notification } from "@/db/schema";

export async function NotificationsPanel({ slug, items, markRead }: { slug: string; items: Notification[]; markRead: () => Promise<void> }) {
  const t = await getTranslations("drafts.notifications");
  if (!items.length) return null;
  return (
    <Card className="mb-4 p-4" data-testid="notifications">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="flex items-center gap-2 text-sm font-semibold"><Bell className="size-4" /> {t("title", { n: items.length })}</h2>
        <form action={markRead}><button type="submit" className="text-xs text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">{t("markRead")}</button></form>
      </div>
      <ul className="space-y-1 text-sm">
        {items.map((n) => {
          const p = n.payload as { draftId?: string; accountId?: string; title?: string; by?: string; comment?: string };
          const href = p.draftId ? `/${slug}/drafts/${p.draftId}` : n.kind.startsWith("account_") && p.accountId ? `/${slug}/accounts/${p.accountId}` : `/${slug}/calendar`;
          return (
            <li key={n.id}>
              <Link href={href} className="hover:text-brand-600">
                {t(`kinds.${n.kind.replace("draft.", "")}`, { by: p.by ?? "", title: p.title || t("untitled") })}
              </Link>
              {p.comment && <span className="text-zinc-500">：{p.comment}</span>}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
