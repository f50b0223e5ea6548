"use client";
/**
 * What one memory version did, readable on a phone: a word diff of the content (before → after),
 * "field: before → after" for the other fields, or the content it created, removed or merged.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DiffText } from "@/components/ui/diff-text";
import type { MemoryVersionView } from "@/lib/memory/history/memory-version-view";
import type { FieldChange } from "@/lib/memory/history/version-changes";
import { textDiff } from "@/lib/text/text-diff";

type T = ReturnType<typeof useTranslations>;

function shown(change: FieldChange, side: "before" | "after", t: T): string {
  const none = t("versions.none");
  switch (change.field) {
    case "content":
      return change[side];
    case "category":
      return change[side] ?? none;
    case "tags":
      return change[side].length ? change[side].join(t("versions.listSeparator")) : none;
    case "importance":
      return String(Math.round(change[side] * 100) / 100);
    case "type":
      return t(`types.${change[side]}`);
    case "privacy":
      return t(`privacies.${change[side]}`);
    case "metadata": {
      const json = JSON.stringify(change[side]);
      return json === "{}" ? none : json.length > 120 ? `${json.slice(0, 120)}…` : json;
    }
  }
}

function label(field: FieldChange["field"], t: T): string {
  return field === "metadata" ? t("versions.metadata") : t(field);
}

const contentBox = "max-h-64 overflow-y-auto rounded-md bg-zinc-50 p-2 dark:bg-zinc-800/60";

export function MemoryVersionChanges({ slug, version }: { slug: string; version: MemoryVersionView }) {
  const t = useTranslations("memories");
  const { changes, snapshot, action } = version;
  if (changes.length > 0) {
    const content = changes.find((c) => c.field === "content");
    const others = changes.filter((c) => c.field !== "content");
    return (
      <div className="space-y-2 text-sm">
        {content && (
          <div>
            <p className="mb-1 text-xs text-zinc-500">{t("content")}</p>
            <div className={contentBox}>
              <DiffText parts={textDiff(shown(content, "before", t), shown(content, "after", t))} />
            </div>
          </div>
        )}
        {others.length > 0 && (
          <dl className="space-y-1">
            {others.map((c) => (
              <div key={c.field} className="flex flex-wrap gap-x-1.5 break-words">
                <dt className="text-zinc-500">{label(c.field, t)}:</dt>
                <dd className="min-w-0">
                  <del className="text-zinc-500">{shown(c, "before", t)}</del> → <ins className="no-underline">{shown(c, "after", t)}</ins>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    );
  }
  if (!snapshot) return null;
  if (action === "compress" && snapshot.compressedInto)
    return (
      <p className="text-sm">
        {t("mergedInto")}:{" "}
        <Link className="text-brand-600 hover:underline" href={`/${slug}/memories/${snapshot.compressedInto}`}>
          {t("versions.mergedIntoLink")}
        </Link>
      </p>
    );
  const removed = action === "delete" || action === "cleanup";
  if (!removed && action !== "create" && action !== "compress" && action !== "restore")
    return <p className="text-sm text-zinc-500">{t("versions.noChange")}</p>;
  return (
    <div className="text-sm">
      <p className="mb-1 text-xs text-zinc-500">{removed ? t("versions.removedContent") : t("content")}</p>
      <p className={`${contentBox} whitespace-pre-wrap break-words`}>{snapshot.content}</p>
    </div>
  );
}
