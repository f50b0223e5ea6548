"use client";
/**
 * Header account switcher: Ctrl/⌘+K opens it, type to search, arrows + Enter to pick. The
 * choice goes into the URL (`?account=`) and a workspace-scoped cookie, so it is shareable and
 * survives reloads; "all accounts I can see" clears it. See lib/accounts/selected-account.ts.
 * The list is fetched when the switcher opens (or is about to), not sent with every page: a
 * page carries only the remembered choice, and a shared link's account is looked up on load.
 */
import { Check, ChevronsUpDown, Search } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export type SwitcherAccount = { id: string; name: string; redId: string; status: string };

const statusDot: Record<string, string> = {
  active: "bg-emerald-500",
  paused: "bg-zinc-400",
  needs_login: "bg-amber-500",
  error: "bg-red-500",
};

type Props = { slug: string; remembered: SwitcherAccount | null; cookieValue: string | null };

export function AccountSwitcher({ slug, remembered, cookieValue }: Props) {
  const t = useTranslations("matrix.switcher");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [accounts, setAccounts] = useState<SwitcherAccount[] | null>(null);
  const [failed, setFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inFlight = useRef(false);

  // Every open refetches (accounts come and go); the last list stays on screen meanwhile.
  const load = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const res = await fetch("/api/v1/accounts/options", { headers: { "x-workspace": slug }, cache: "no-store" });
      if (!res.ok) throw new Error(`accounts/options answered ${res.status}`);
      setAccounts(((await res.json()) as { accounts: SwitcherAccount[] }).accounts);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      inFlight.current = false;
    }
  }, [slug]);

  const fromUrl = params.get("account");
  const selectedId = fromUrl ? (fromUrl === "all" ? null : fromUrl) : cookieValue && cookieValue !== "all" ? cookieValue : null;
  const selected =
    selectedId === null ? null : (accounts?.find((a) => a.id === selectedId) ?? (remembered?.id === selectedId ? remembered : null));
  // A shared link names an account the page did not resolve: look it up.
  const unresolved = selectedId !== null && selected === null && accounts === null && !failed;
  useEffect(() => {
    if (unresolved) void load();
  }, [unresolved, load]);

  const options = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = accounts ?? [];
    return [
      { id: "all", name: t("all"), redId: "", status: "" },
      ...(q ? list.filter((a) => a.name.toLowerCase().includes(q) || a.redId.toLowerCase().includes(q)) : list),
    ];
  }, [accounts, query, t]);

  function choose(id: string) {
    document.cookie = `rm_account=${encodeURIComponent(id)}; path=/${slug}; max-age=31536000; samesite=lax`;
    const next = new URLSearchParams(params.toString());
    if (id === "all") next.delete("account");
    else next.set("account", id);
    setOpen(false);
    setQuery("");
    router.push(`${pathname}${next.size ? `?${next}` : ""}`);
    router.refresh();
  }

  // Remembered selection: put it back into the URL so the link is shareable.
  useEffect(() => {
    if (!fromUrl && selected) {
      const next = new URLSearchParams(params.toString());
      next.set("account", selected.id);
      router.replace(`${pathname}?${next}`);
    }
  }, [fromUrl, selected, params, pathname, router]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (e.key === "Escape") setOpen(false);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (open) {
      setActive(0);
      void load();
      setTimeout(() => input.current?.focus(), 0);
    }
  }, [open, load]);

  return (
    <div className="relative">
      <button
        type="button"
        onClick={() => setOpen(!open)}
        onPointerEnter={() => {
          if (accounts === null) void load();
        }}
        className="flex max-w-[16rem] items-center gap-2 rounded-lg border border-zinc-200 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={t("label")}
        data-testid="account-switcher"
      >
        {selected && <span className={cn("size-2 shrink-0 rounded-full", statusDot[selected.status])} />}
        <span className="truncate" data-testid="account-switcher-current">
          {selected ? selected.name : unresolved ? "…" : t("all")}
        </span>
        <kbd className="hidden rounded border border-zinc-200 px-1 text-[10px] text-zinc-400 sm:inline dark:border-zinc-700">
          {t("shortcut")}
        </kbd>
        <ChevronsUpDown className="size-3.5 shrink-0 text-zinc-400" />
      </button>
      {open && (
        <div className="fixed inset-x-2 top-14 z-50 rounded-xl sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-1 sm:w-80 border border-zinc-200 bg-white p-2 shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <div className="flex items-center gap-2 border-b border-zinc-100 px-2 pb-2 dark:border-zinc-800">
            <Search className="size-4 text-zinc-400" />
            <input
              ref={input}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={(e) => {
                if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, options.length - 1));
                else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
                // Typed a search before the list arrived: Enter must not fall through to "all".
                else if (e.key === "Enter" && accounts === null && query.trim()) return e.preventDefault();
                else if (e.key === "Enter" && options[active]) choose(options[active].id);
                else return;
                e.preventDefault();
              }}
              placeholder={t("search")}
              className="w-full bg-transparent text-sm outline-none"
              aria-label={t("search")}
            />
          </div>
          <ul role="listbox" className="mt-1 max-h-80 overflow-y-auto">
            {options.length === 1 && accounts === null && (
              <li className="px-2 py-2 text-sm text-zinc-500" role="status">
                {failed ? t("failed") : t("loading")}
              </li>
            )}
            {options.length === 1 && accounts !== null && query && <li className="px-2 py-2 text-sm text-zinc-500">{t("empty")}</li>}
            {options.map((a, i) => (
              <li key={a.id} role="option" aria-selected={i === active}>
                <button
                  type="button"
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(a.id)}
                  className={cn(
                    "flex w-full items-center gap-2 rounded-lg px-2 py-1.5 text-left text-sm",
                    i === active && "bg-zinc-100 dark:bg-zinc-800",
                  )}
                >
                  {a.status ? <span className={cn("size-2 shrink-0 rounded-full", statusDot[a.status])} /> : <span className="size-2" />}
                  <span className="flex-1 truncate">{a.name}</span>
                  <span className="font-mono text-xs text-zinc-400">{a.redId}</span>
                  {(a.id === "all" ? !selected : a.id === selected?.id) && <Check className="size-3.5 text-brand-500" />}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
