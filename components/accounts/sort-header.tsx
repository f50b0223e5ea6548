"use client";
/** A table column header that sorts the matrix by its column; clicking again flips the direction. */
import { ArrowDown, ArrowUp } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export function SortHeader({ sort, children, className }: { sort: string; children: ReactNode; className?: string }) {
  const t = useTranslations("matrix");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const active = (params.get("sort") ?? "name") === sort;
  const dir = params.get("dir") === "desc" ? "desc" : "asc";

  function click() {
    const next = new URLSearchParams(params.toString());
    next.set("sort", sort);
    if (active && dir === "asc") next.set("dir", "desc");
    else next.delete("dir");
    router.replace(`${pathname}?${next}`);
  }

  return (
    <th className={className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <button
        type="button"
        onClick={click}
        className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100"
        title={t("sortColumn", { column: String(children) })}
      >
        {children}
        {active && (dir === "asc" ? <ArrowUp className="size-3" /> : <ArrowDown className="size-3" />)}
      </button>
    </th>
  );
}
