"use client";
/** Language and light/dark switches: cookies read by the server on the next render. */
import { Moon, Sun } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

function setCookie(name: string, value: string) {
  document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
}

export function LanguageSwitch() {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  return (
    <label className="inline-flex items-center">
      <span className="sr-only">{t("language")}</span>
      <select
        data-testid="language-switch"
        value={locale}
        onChange={(e) => {
          setCookie("NEXT_LOCALE", e.target.value);
          router.refresh();
        }}
        className="rounded-md border border-zinc-200 bg-transparent px-2 py-1 text-xs dark:border-zinc-700"
      >
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

export function ThemeToggle({ initialDark }: { initialDark: boolean }) {
  const t = useTranslations("shell");
  const [dark, setDark] = useState(initialDark);
  return (
    <button
      type="button"
      aria-label={dark ? t("themeLight") : t("themeDark")}
      title={dark ? t("themeLight") : t("themeDark")}
      onClick={() => {
        const next = !dark;
        document.documentElement.classList.toggle("dark", next);
        setCookie("theme", next ? "dark" : "light");
        setDark(next);
      }}
      className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
    >
      {dark ? <Sun className="size-4" /> : <Moon className="size-4" />}
    </button>
  );
}
