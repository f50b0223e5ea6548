"use client";
/**
 * A phone frame that looks like a RED note: cover carousel, author, title, the body exactly as
 * the renderer sends it (React text, never HTML), topics; one tab per target account.
 */
import { Heart, ImageIcon, MessageCircle, Star } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { DraftImage } from "@/lib/drafts/doc-types";

export type PreviewAccount = { id: string; name: string; redId: string };

export function PhonePreview({
  title,
  body,
  topics,
  images,
  accounts,
}: {
  title: string;
  body: string;
  topics: string[];
  images: DraftImage[];
  accounts: PreviewAccount[];
}) {
  const t = useTranslations("drafts.preview");
  const [accountIndex, setAccountIndex] = useState(0);
  const [imageIndex, setImageIndex] = useState(0);
  const account = accounts[Math.min(accountIndex, accounts.length - 1)];
  const name = account?.name ?? t("noAccount");
  return (
    <div className="space-y-2">
      {accounts.length > 1 && (
        <div role="tablist" aria-label={t("accounts")} className="flex flex-wrap gap-1">
          {accounts.map((a, i) => (
            <button
              key={a.id}
              role="tab"
              aria-selected={i === accountIndex}
              onClick={() => setAccountIndex(i)}
              className={cn(
                "rounded-full px-2.5 py-0.5 text-xs",
                i === accountIndex ? "bg-brand-500 text-white" : "bg-zinc-100 dark:bg-zinc-800",
              )}
            >
              {a.name}
            </button>
          ))}
        </div>
      )}
      <div
        data-testid="phone-preview"
        className="mx-auto w-[320px] max-w-full overflow-hidden rounded-[2.2rem] border-[10px] border-zinc-900 bg-white text-zinc-900 shadow-xl"
      >
        <div className="flex items-center gap-2 px-3 py-2">
          <span
            aria-hidden
            className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
          >
            {name.slice(0, 1)}
          </span>
          <span className="flex-1 truncate text-sm font-medium" data-testid="preview-account">
            {name}
          </span>
          <span className="rounded-full border border-brand-500 px-3 py-0.5 text-xs text-brand-500">{t("follow")}</span>
        </div>
        <div className="relative flex aspect-[3/4] items-center justify-center bg-zinc-100">
          {images.length ? (
            // eslint-disable-next-line @next/next/no-img-element -- user-supplied URLs of any host
            <img
              src={images[imageIndex % images.length].url}
              alt={images[imageIndex % images.length].alt}
              className="size-full object-cover"
            />
          ) : (
            <div className="flex flex-col items-center gap-1 text-xs text-zinc-400">
              <ImageIcon className="size-8" />
              {t("noCover")}
            </div>
          )}
          {images.length > 1 && (
            <div className="absolute bottom-2 flex gap-1">
              {images.map((img, i) => (
                <button
                  key={img.url + i}
                  aria-label={t("image", { n: i + 1 })}
                  onClick={() => setImageIndex(i)}
                  className={cn("size-1.5 rounded-full", i === imageIndex ? "bg-brand-500" : "bg-white/80")}
                />
              ))}
            </div>
          )}
        </div>
        <div className="max-h-80 overflow-y-auto px-3 py-3">
          <h2 className="text-base font-semibold leading-snug" data-testid="preview-title">
            {title || t("untitled")}
          </h2>
          <p className="mt-2 whitespace-pre-wrap break-words text-[14px] leading-relaxed" data-testid="preview-body">
            {body}
          </p>
          {topics.length > 0 && (
            <p className="mt-2 text-[14px] text-sky-800" data-testid="preview-topics">
              {topics.map((x) => `#${x}`).join(" ")}
            </p>
          )}
          <p className="mt-3 text-xs text-zinc-400">{t("justNow")}</p>
        </div>
        <div className="flex items-center justify-around border-t border-zinc-100 py-2 text-zinc-500">
          <Heart className="size-4" />
          <Star className="size-4" />
          <MessageCircle className="size-4" />
        </div>
      </div>
    </div>
  );
}
