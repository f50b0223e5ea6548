"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "next-intl";

type Workspace = { slug: string; name: string };

/** Switches workspace and remembers the choice (cookie read by the API and the home page). */
export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: Workspace[] }) {
  const t = useTranslations("shell");
  const router = useRouter();
  useEffect(() => {
    document.cookie = `rm_workspace=${encodeURIComponent(current)}; path=/; max-age=31536000; samesite=lax`;
  }, [current]);
  return (
    <label className="block">
      <span className="sr-only">{t("workspace")}</span>
      <select
        value={current}
        onChange={(e) => router.push(`/${e.target.value}/dashboard`)}
        className="w-full truncate rounded-lg border border-zinc-200 bg-white px-2.5 py-1.5 text-sm font-medium dark:border-zinc-700 dark:bg-zinc-900"
      >
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}
