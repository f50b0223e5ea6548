import { LogOut } from "lucide-react";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { AppShell } from "@/components/shell/app-shell";
import { listAccountOptions } from "@/lib/accounts/queries";
import { allAccounts, selectedAccountCookie } from "@/lib/accounts/selected-account";
import { can } from "@/lib/auth/context";
import { signOutEverywhere } from "@/lib/next/sign-out";
import { requirePageContext } from "@/lib/next/session-context";
import { listUserWorkspaces } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await requirePageContext(workspace);
  const canSwitch = can(ctx, "accounts.switch") && can(ctx, "accounts.read");
  const jar = await cookies();
  // The switcher fetches its list when opened; the page only carries the remembered choice (one row, if any).
  const remembered = jar.get(selectedAccountCookie)?.value ?? null;
  const [workspaces, t, [selected]] = await Promise.all([
    listUserWorkspaces(getDb(), ctx.userId),
    getTranslations("shell"),
    canSwitch && remembered && remembered !== allAccounts ? listAccountOptions(getDb(), ctx, [remembered]) : Promise.resolve([]),
  ]);

  const signOutButton = (
    <form
      action={async () => {
        "use server";
        await signOutEverywhere();
      }}
    >
      <button
        type="submit"
        className="flex w-full items-center gap-2 rounded-lg px-1 py-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
      >
        <LogOut className="size-4" /> {t("signOut")}
      </button>
    </form>
  );

  return (
    <AppShell
      slug={ctx.workspaceSlug}
      workspaces={workspaces.map(({ slug, name }) => ({ slug, name }))}
      allowed={[...ctx.permissions]}
      user={{ name: ctx.userName, role: ctx.role }}
      initialDark={jar.get("theme")?.value === "dark"}
      signOut={signOutButton}
      switcher={canSwitch ? { remembered: selected ?? null, cookieValue: remembered } : undefined}
    >
      {children}
    </AppShell>
  );
}
