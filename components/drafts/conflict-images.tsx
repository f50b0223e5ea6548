"use client";
/** One side's images in the conflict view: thumbnails in order, the cover marked, and images the other side lacks flagged. */
import { useTranslations } from "next-intl";
import type { DraftImage } from "@/lib/drafts/doc-types";
import { thumbnailUrl } from "@/lib/media/media-urls";

export function ConflictImages({ images, onlyHere, altChanged }: { images: DraftImage[]; onlyHere: string[]; altChanged: string[] }) {
  const t = useTranslations("drafts.conflict");
  if (!images.length)
    return (
      <p className="mt-2 text-xs text-zinc-500" data-testid="conflict-no-images">
        {t("noImages")}
      </p>
    );
  return (
    <ol className="mt-2 flex flex-wrap gap-2" aria-label={t("imagesLabel", { n: images.length })}>
      {images.map((image, i) => {
        const isOnlyHere = onlyHere.includes(image.url);
        return (
          <li key={image.url} data-testid="conflict-image" data-only-here={isOnlyHere} className="w-16 text-[10px]">
            <div
              className={`relative aspect-[3/4] overflow-hidden rounded-md bg-zinc-100 ring-2 ${isOnlyHere ? "ring-amber-400" : "ring-transparent"}`}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- our own media route or user URLs */}
              <img src={thumbnailUrl(image.url)} alt={image.alt} loading="lazy" className="size-full object-cover" />
              {i === 0 && <span className="absolute left-0.5 top-0.5 rounded bg-brand-500 px-1 text-white">{t("cover")}</span>}
            </div>
            {isOnlyHere && <span className="mt-0.5 block font-medium text-amber-700 dark:text-amber-400">{t("onlyHere")}</span>}
            {altChanged.includes(image.url) && (
              <span className="mt-0.5 block truncate text-zinc-500" title={image.alt}>
                {t("altDiffers")}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
