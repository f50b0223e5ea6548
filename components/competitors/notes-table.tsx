/** Notes with their metrics (top, viral, best/worst, a competitor's list). Titles are plain text, never HTML. */
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatDay } from "./format";
import { safeWebUrl } from "@/lib/validation/web-url";

export type NoteItem = {
  noteId: string;
  title: string;
  type: string;
  publishedAt: number;
  likes: number;
  collects: number;
  comments: number;
  shares: number;
  engagement: number;
  url: string | null;
  author?: string;
};

export function NotesTable({
  notes,
  locale,
  timeZone,
  showAuthor = false,
  testId,
  viralThreshold,
}: {
  notes: NoteItem[];
  locale: string;
  timeZone: string;
  showAuthor?: boolean;
  testId?: string;
  viralThreshold?: number;
}) {
  const t = useTranslations("competitors.notes");
  if (!notes.length) return <p className="py-6 text-center text-sm text-zinc-500">{t("none")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            <th className="px-3 py-2 font-medium">{t("title")}</th>
            {showAuthor && <th className="px-3 py-2 font-medium">{t("author")}</th>}
            <th className="px-3 py-2 font-medium">{t("published")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("likes")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("collects")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("comments")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("shares")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("engagement")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {notes.map((n) => (
            <tr key={n.noteId}>
              <td className="max-w-xs px-3 py-2">
                <div className="flex items-center gap-1.5">
                  {safeWebUrl(n.url) ? (
                    <a
                      href={safeWebUrl(n.url)!}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="truncate hover:text-brand-600 hover:underline"
                    >
                      {n.title || t("untitled")}
                    </a>
                  ) : (
                    <span className="truncate">{n.title || t("untitled")}</span>
                  )}
                  {n.type === "video" && <Badge>{t("video")}</Badge>}
                  {viralThreshold !== undefined && n.likes >= viralThreshold && <Badge tone="brand">{t("viral")}</Badge>}
                </div>
              </td>
              {showAuthor && <td className="whitespace-nowrap px-3 py-2 text-zinc-600 dark:text-zinc-300">{n.author}</td>}
              <td className="whitespace-nowrap px-3 py-2 text-zinc-500 tabular-nums">{formatDay(n.publishedAt, locale, timeZone)}</td>
              {[n.likes, n.collects, n.comments, n.shares].map((v, i) => (
                <td key={i} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {formatCount(v, locale)}
                </td>
              ))}
              <td className="whitespace-nowrap px-3 py-2 text-right font-medium tabular-nums">{formatCount(n.engagement, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
