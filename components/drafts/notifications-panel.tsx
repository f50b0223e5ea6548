/** Unread review notifications (requests for approvers, decisions for writers), each linking to its target. */
import { Bell } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Notification } from "@/lib/notifications/notifications";
import { toNotificationView } from "@/lib/notifications/notification-view";

export async function NotificationsPanel({
  slug,
  items,
  markRead,
}: {
  slug: string;
  items: Notification[];
  markRead: () => Promise<void>;
}) {
  const t = await getTranslations("drafts.notifications");
  const n = await getTranslations("notifications");
  if (!items.length) return null;
  return (
    <Card className="mb-4 p-4" data-testid="notifications">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="flex items-center gap-2 text-sm font-semibold">
          <Bell className="size-4" /> {t("title", { n: items.length })}
        </h2>
        <form action={markRead}>
          <button type="submit" className="text-xs text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">
            {t("markRead")}
          </button>
        </form>
      </div>
      <ul className="space-y-1 text-sm">
        {items.map((row) => {
          const view = toNotificationView(row, slug);
          const text = n(`kinds.${view.kind}`, { by: view.values.by, title: view.values.title || n("untitled") });
          return (
            <li key={view.id}>
              {view.href ? (
                <Link href={view.href} className="hover:text-brand-600">
                  {text}
                </Link>
              ) : (
                text
              )}
              {view.detail && <span className="text-zinc-500">：{view.detail}</span>}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
