"use client";
/**
 * The workspace's media library: images uploaded before (newest first, as server-made thumbnails);
 * picking one attaches the original to this note. Images already on the note are marked.
 */
import { Check, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { draftApi } from "./draft-api";

type LibraryItem = { id: string; url: string; thumbUrl: string; originalName: string };

export function MediaLibrary({
  slug,
  attached,
  onPick,
  onClose,
}: {
  slug: string;
  attached: string[];
  onPick: (url: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("drafts.images");
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void draftApi<{ media: LibraryItem[] }>(slug, "/media").then((r) => (r.ok ? setItems(r.data.media) : setFailed(true)));
  }, [slug]);

  return (
    <section
      aria-label={t("libraryTitle")}
      data-testid="media-library"
      className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700"
    >
      <div className="mb-2 flex items-center justify-between">
        <h3 className="text-sm font-medium">{t("libraryTitle")}</h3>
        <button type="button" onClick={onClose} aria-label={t("libraryClose")} className="rounded p-1 text-zinc-400 hover:text-zinc-700">
          <X className="size-4" />
        </button>
      </div>
      {!items && !failed && <p className="text-sm text-zinc-500">{t("libraryLoading")}</p>}
      {failed && (
        <p role="alert" className="text-sm text-red-600">
          {t("libraryFailed")}
        </p>
      )}
      {items?.length === 0 && <p className="text-sm text-zinc-500">{t("libraryEmpty")}</p>}
      {items && items.length > 0 && (
        <ul className="grid max-h-72 grid-cols-4 gap-2 overflow-y-auto sm:grid-cols-6">
          {items.map((item) => {
            const isAttached = attached.includes(item.url);
            return (
              <li key={item.id}>
                <button
                  type="button"
                  disabled={isAttached}
                  onClick={() => onPick(item.url)}
                  aria-label={
                    isAttached ? t("libraryAttached", { name: item.originalName }) : t("libraryPick", { name: item.originalName })
                  }
                  data-testid="library-item"
                  className="relative block aspect-square w-full overflow-hidden rounded-md bg-zinc-100 ring-brand-500 hover:ring-2 focus-visible:ring-2 disabled:opacity-50"
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own thumbnail route */}
                  <img src={item.thumbUrl} alt="" loading="lazy" className="size-full object-cover" />
                  {isAttached && <Check className="absolute right-1 top-1 size-4 rounded-full bg-brand-500 p-0.5 text-white" />}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
