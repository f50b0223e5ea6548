"use client";
/** The signed-in frame: sidebar (a drawer on phones), top bar with workspace, language, theme, user. */
import { Menu, X } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { AccountSwitcher, type SwitcherAccount } from "./account-switcher";
import { NotificationsBell } from "./notifications-bell";
import { LanguageSwitch, ThemeToggle } from "./preferences";
import { SessionKeepAlive } from "./session-keep-alive";
import { SidebarNav } from "./sidebar-nav";
import { WorkspaceSwitcher } from "./workspace-switcher";

type Props = {
  slug: string;
  workspaces: { slug: string; name: string }[];
  allowed: string[];
  user: { name: string; role: string };
  initialDark: boolean;
  signOut: ReactNode;
  /** The header switcher (absent: none): the cookie's choice, resolved on the server when it is an account. */
  switcher?: { remembered: SwitcherAccount | null; cookieValue: string | null };
  children: ReactNode;
};

export function AppShell({ slug, workspaces, allowed, user, initialDark, signOut, switcher, children }: Props) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  // The phone drawer gets its copy of the sidebar on first open: until then it is off screen
  // and inert, and rendering the navigation twice into every page cost server time for nothing.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const toggle = () => {
    setDrawerUsed(true);
    setOpen(!open);
  };
  const sidebar = (
    <div className="flex h-full flex-col gap-4 p-4">
      <div className="flex items-center gap-2 px-1">
        <div className="flex size-8 items-center justify-center rounded-lg bg-brand-500 text-sm font-bold text-white">R</div>
        <span className="font-semibold">{t("common.appName")}</span>
      </div>
      <WorkspaceSwitcher current={slug} workspaces={workspaces} />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <SidebarNav slug={slug} allowed={allowed} onNavigate={() => setOpen(false)} />
      </div>
      <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <p className="truncate px-1 text-sm font-medium" data-testid="current-user">
          {user.name}
        </p>
        <p className="px-1 text-xs text-zinc-500">{t(`shell.roles.${user.role}`)}</p>
        <div className="mt-2">{signOut}</div>
      </div>
    </div>
  );

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr]">
      <SessionKeepAlive />
      <aside className="hidden border-r border-zinc-200 bg-white lg:block dark:border-zinc-800 dark:bg-zinc-900">
        <div className="sticky top-0 h-dvh">{sidebar}</div>
      </aside>
      <div
        className={cn("fixed inset-0 z-40 bg-black/40 lg:hidden", open ? "block" : "hidden")}
        onClick={() => setOpen(false)}
        aria-hidden
      />
      <aside
        className={cn(
          "fixed inset-y-0 left-0 z-50 w-64 bg-white shadow-xl transition-transform lg:hidden dark:bg-zinc-900",
          open ? "translate-x-0" : "-translate-x-full",
        )}
        aria-hidden={!open}
        inert={!open}
      >
        {drawerUsed && sidebar}
      </aside>
      <div className="min-w-0">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/80 px-3 backdrop-blur sm:gap-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-950/80">
          <button type="button" className="rounded-md p-1.5 lg:hidden" onClick={toggle} aria-label={t("nav.menu")} aria-expanded={open}>
            {open ? <X className="size-5" /> : <Menu className="size-5" />}
          </button>
          <div className="flex-1" />
          {switcher && <AccountSwitcher slug={slug} remembered={switcher.remembered} cookieValue={switcher.cookieValue} />}
          <NotificationsBell slug={slug} />
          <LanguageSwitch />
          <ThemeToggle initialDark={initialDark} />
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
