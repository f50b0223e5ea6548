"use client";
/** Search, filters, sort and the table / card toggle; all of it lives in the URL. */
import { LayoutGrid, Table2 } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Select, TextInput } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { MemberOption } from "@/lib/accounts/matrix-rows";

type Props = { groups: string[]; tags: string[]; members: MemberOption[] };
const sorts = [
  "name",
  "redId",
  "status",
  "createdAt",
  "lastCheckAt",
  "followers",
  "postsThisWeek",
  "nextScheduledAt",
  "lastPublishAt",
  "failures7d",
] as const;
const results = ["published", "failed", "unconfirmed", "none"] as const;
const statuses = ["active", "paused", "needs_login", "error"] as const;

export function MatrixToolbar({ groups, tags, members }: Props) {
  const t = useTranslations("matrix");
  const ts = useTranslations("accounts.statuses");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");

  function set(key: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next}`);
  }

  useEffect(() => {
    if ((params.get("q") ?? "") === q) return;
    const timer = setTimeout(() => set("q", q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);

  const view = params.get("view") === "cards" ? "cards" : "table";
  const select = (key: string, all: string, options: { value: string; label: string }[]) => (
    <Select
      aria-label={all}
      name={`filter-${key}`}
      value={params.get(key) ?? ""}
      onChange={(e) => set(key, e.target.value)}
      className="w-auto! min-w-32"
    >
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2">
      <TextInput
        name="matrix-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("search")}
        aria-label={t("search")}
        className="w-64!"
      />
      {select(
        "group",
        t("allGroups"),
        groups.map((g) => ({ value: g, label: g })),
      )}
      {select(
        "tag",
        t("allTags"),
        tags.map((g) => ({ value: g, label: g })),
      )}
      {select(
        "status",
        t("allStatuses"),
        statuses.map((s) => ({ value: s, label: ts(s) })),
      )}
      {members.length > 0 &&
        select(
          "member",
          t("allMembers"),
          members.map((m) => ({ value: m.id, label: m.name })),
        )}
      {select(
        "result",
        t("allResults"),
        results.map((r) => ({ value: r, label: t(`results.${r}`) })),
      )}
      {select(
        "failures",
        t("allFailures"),
        (["any", "none"] as const).map((v) => ({ value: v, label: t(`failuresFilter.${v}`) })),
      )}
      {select(
        "scheduled",
        t("allScheduled"),
        (["yes", "none"] as const).map((v) => ({ value: v, label: t(`scheduledFilter.${v}`) })),
      )}
      <Select
        aria-label={t("sortBy")}
        name="sort"
        value={params.get("sort") ?? "name"}
        onChange={(e) => set("sort", e.target.value)}
        className="w-auto!"
      >
        {sorts.map((s) => (
          <option key={s} value={s}>
            {t(`sort.${s}`)}
          </option>
        ))}
      </Select>
      <Select
        aria-label={t("sortDirection")}
        name="dir"
        value={params.get("dir") ?? "asc"}
        onChange={(e) => set("dir", e.target.value === "desc" ? "desc" : "")}
        className="w-auto!"
      >
        <option value="asc">{t("sortAsc")}</option>
        <option value="desc">{t("sortDesc")}</option>
      </Select>
      <div className="ml-auto flex rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-700" role="group">
        {(["table", "cards"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => set("view", v === "table" ? "" : v)}
            className={cn(
              "flex items-center gap-1 px-2.5 py-1.5 text-sm",
              view === v ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "text-zinc-500",
            )}
          >
            {v === "table" ? <Table2 className="size-4" /> : <LayoutGrid className="size-4" />}
            {v === "table" ? t("viewTable") : t("viewCards")}
          </button>
        ))}
      </div>
    </div>
  );
}
