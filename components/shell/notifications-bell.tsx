"use client";
/**
 * Header bell: unread count badge, a dropdown of recent notifications (each linking to its target),
 * mark one / mark all read. Refreshes every 45 s, when the window regains focus and when opened.
 * Escape or a click outside closes it and returns focus to the bell.
 */
import { Bell, Check } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { Notification } from "@/lib/notifications/notifications";
import { toNotificationView, type NotificationView } from "@/lib/notifications/notification-view";
import { relativeTime } from "@/lib/time/relative-time";

const refreshMs = 45_000;

type Inbox = { items: NotificationView[]; unread: number };

export function NotificationsBell({ slug }: { slug: string }) {
  const t = useTranslations("notifications");
  const locale = useLocale();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // Bumped by every mark-read: a list fetched before it is stale and must not undo the change.
  const generation = useRef(0);

  const call = useCallback(
    (path: string, method = "GET") =>
      fetch(`/api/v1/notifications${path}`, { method, headers: { "x-workspace": slug }, cache: "no-store" }),
    [slug],
  );
  const load = useCallback(async () => {
    const started = generation.current;
    const res = await call("?limit=20").catch(() => null);
    if (started !== generation.current) return;
    if (!res?.ok) return setFailed(true);
    const json = (await res.json()) as { notifications: Notification[]; unreadCount: number };
    if (started !== generation.current) return;
    setFailed(false);
    setInbox({ items: json.notifications.map((n) => toNotificationView(n, slug)), unread: json.unreadCount });
  }, [call, slug]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    const onFocus = () => void load();
    window.addEventListener("focus", onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [load]);

  useEffect(() => {
    if (!open) return;
    void load();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open, load]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }
  async function markRead(id: string) {
    generation.current += 1;
    setInbox(
      (b) =>
        b && {
          items: b.items.map((n) => (n.id === id ? { ...n, isRead: true } : n)),
          unread: Math.max(0, b.unread - (b.items.find((n) => n.id === id && !n.isRead) ? 1 : 0)),
        },
    );
    await call(`/${id}/read`, "POST").catch(() => null);
    void load();
  }
  async function markAll() {
    generation.current += 1;
    setInbox((b) => b && { items: b.items.map((n) => ({ ...n, isRead: true })), unread: 0 });
    await call("", "POST").catch(() => null);
    void load();
  }

  const unread = inbox?.unread ?? 0;
  return (
    <div ref={root} className="relative" onKeyDown={(e) => e.key === "Escape" && open && close()}>
      <button
        ref={button}
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? t("labelUnread", { n: unread }) : t("label")}
        data-testid="notifications-bell"
        className="relative rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <Bell className="size-5" />
        {unread > 0 && (
          <span
            data-testid="notifications-badge"
            className="absolute -right-0.5 -top-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-brand-500 px-1 text-[10px] font-semibold leading-none text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={t("title")}
          data-testid="notifications-panel"
          className="fixed inset-x-2 top-14 z-50 rounded-xl border border-zinc-200 bg-white shadow-xl sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-1 sm:w-96 dark:border-zinc-700 dark:bg-zinc-900"
        >
          <div className="flex items-center justify-between border-b border-zinc-100 px-4 py-2.5 dark:border-zinc-800">
            <h2 className="text-sm font-semibold">{t("title")}</h2>
            {unread > 0 && (
              <button type="button" onClick={() => void markAll()} className="text-xs text-brand-600 hover:underline">
                {t("markAllRead")}
              </button>
            )}
          </div>
          {!inbox && !failed && <p className="px-4 py-6 text-center text-sm text-zinc-500">{t("loading")}</p>}
          {failed && (
            <p role="alert" className="px-4 py-3 text-sm text-red-600">
              {t("loadFailed")}
            </p>
          )}
          {inbox && inbox.items.length === 0 && (
            <div className="px-4 py-8 text-center" data-testid="notifications-empty">
              <Bell className="mx-auto mb-2 size-8 text-zinc-300 dark:text-zinc-600" />
              <p className="text-sm font-medium">{t("empty")}</p>
              <p className="mt-1 text-xs text-zinc-500">{t("emptyHint")}</p>
            </div>
          )}
          {inbox && inbox.items.length > 0 && (
            <ul className="max-h-[min(70dvh,28rem)] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
              {inbox.items.map((n) => {
                const text = t(`kinds.${n.kind}`, { by: n.values.by, title: n.values.title || t("untitled") });
                return (
                  <li
                    key={n.id}
                    data-testid="notification-item"
                    data-read={n.isRead}
                    className={cn("flex gap-2 px-4 py-3", !n.isRead && "bg-brand-50/60 dark:bg-brand-500/10")}
                  >
                    <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.isRead ? "bg-transparent" : "bg-brand-500")} />
                    <div className="min-w-0 flex-1">
                      {n.href ? (
                        <Link
                          href={n.href}
                          onClick={() => {
                            if (!n.isRead) void markRead(n.id);
                            setOpen(false);
                          }}
                          className="relative block text-sm hover:text-brand-600 focus-visible:underline"
                        >
                          {!n.isRead && <span className="sr-only">{t("unread")}: </span>}
                          {text}
                        </Link>
                      ) : (
                        <p className="text-sm">{text}</p>
                      )}
                      {n.detail && <p className="mt-0.5 line-clamp-2 text-xs text-zinc-500">{n.detail}</p>}
                      <p className="mt-0.5 text-xs text-zinc-400">
                        <time dateTime={n.createdAt}>{relativeTime(new Date(n.createdAt), new Date(), locale)}</time>
                      </p>
                    </div>
                    {!n.isRead && (
                      <button
                        type="button"
                        onClick={() => void markRead(n.id)}
                        aria-label={`${t("markRead")}: ${text}`}
                        title={t("markRead")}
                        className="self-start rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800"
                      >
                        <Check className="size-4" />
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
