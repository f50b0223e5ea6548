"use client";
/**
 * The note's images: upload (type checked from the bytes on the server) or pick from the
 * workspace's media library, drag to reorder, the
 * first is the cover ("set as cover" moves one there), alt text, remove. The strip shows the
 * server-made thumbnails; the draft keeps the originals' URLs (what gets published).
 */
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { arrayMove, rectSortingStrategy, SortableContext, sortableKeyboardCoordinates, useSortable } from "@dnd-kit/sortable";
import { ImagePlus, Images, Star, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { DraftImage } from "@/lib/drafts/doc-types";
import { thumbnailUrl } from "@/lib/media/media-urls";
import { MediaLibrary } from "./media-library";

type Props = { slug: string; images: DraftImage[]; editable: boolean; onChange: (images: DraftImage[]) => void };

function Thumb({
  image,
  index,
  editable,
  onAlt,
  onCover,
  onRemove,
}: {
  image: DraftImage;
  index: number;
  editable: boolean;
  onAlt: (alt: string) => void;
  onCover: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("drafts.images");
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: image.url, disabled: !editable });
  const style = { transform: transform ? `translate(${transform.x}px, ${transform.y}px)` : undefined, transition };
  return (
    <li ref={setNodeRef} style={style} data-testid="image-thumb" className={`w-28 space-y-1 ${isDragging ? "z-10 opacity-80" : ""}`}>
      <div
        className="relative aspect-[3/4] cursor-grab overflow-hidden rounded-lg bg-zinc-100 ring-1 ring-zinc-200 dark:ring-zinc-700"
        {...attributes}
        {...listeners}
        aria-label={t("reorder", { n: index + 1 })}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- our own media route or user URLs */}
        <img src={thumbnailUrl(image.url)} alt={image.alt} loading="lazy" className="size-full object-cover" draggable={false} />
        {index === 0 && <span className="absolute left-1 top-1 rounded bg-brand-500 px-1.5 text-[10px] text-white">{t("cover")}</span>}
      </div>
      {editable && (
        <>
          <input
            aria-label={t("alt", { n: index + 1 })}
            value={image.alt}
            maxLength={200}
            onChange={(e) => onAlt(e.target.value)}
            placeholder={t("altPlaceholder")}
            className="w-full rounded border border-zinc-300 bg-white px-1.5 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          <div className="flex justify-between text-xs">
            {index > 0 ? (
              <button type="button" onClick={onCover} className="inline-flex items-center gap-0.5 text-zinc-500 hover:text-brand-600">
                <Star className="size-3" />
                {t("setCover")}
              </button>
            ) : (
              <span />
            )}
            <button
              type="button"
              onClick={onRemove}
              aria-label={t("remove", { n: index + 1 })}
              className="text-zinc-400 hover:text-red-600"
            >
              <X className="size-3.5" />
            </button>
          </div>
        </>
      )}
    </li>
  );
}

export function ImagesPanel({ slug, images, editable, onChange }: Props) {
  const t = useTranslations("drafts.images");
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [showLibrary, setShowLibrary] = useState(false);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  async function upload(files: FileList) {
    setUploading(true);
    setError(null);
    let next = images;
    for (const file of Array.from(files)) {
      const form = new FormData();
      form.set("file", file);
      const res = await fetch("/api/v1/media", { method: "POST", body: form, headers: { "x-workspace": slug } }).catch(() => null);
      const json = res ? await res.json().catch(() => ({})) : {};
      if (!res?.ok) {
        setError(`${file.name}: ${json.error?.message ?? t("uploadFailed")} ${json.error?.suggestion ?? ""}`);
        continue;
      }
      next = [...next, { url: json.media.url as string, alt: "" }];
      onChange(next);
    }
    setUploading(false);
    if (input.current) input.current.value = "";
  }
  const update = (i: number, patch: Partial<DraftImage>) => onChange(images.map((img, k) => (k === i ? { ...img, ...patch } : img)));
  function onDragEnd(e: DragEndEvent) {
    const from = images.findIndex((img) => img.url === e.active.id);
    const to = images.findIndex((img) => img.url === e.over?.id);
    if (from >= 0 && to >= 0 && from !== to) onChange(arrayMove(images, from, to));
  }

  return (
    <div className="space-y-2" data-testid="images">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={images.map((img) => img.url)} strategy={rectSortingStrategy}>
          <ul className="flex flex-wrap gap-3">
            {images.map((image, i) => (
              <Thumb
                key={image.url}
                image={image}
                index={i}
                editable={editable}
                onAlt={(alt) => update(i, { alt })}
                onCover={() => onChange([image, ...images.filter((_, k) => k !== i)])}
                onRemove={() => onChange(images.filter((_, k) => k !== i))}
              />
            ))}
            {editable && (
              <li>
                <button
                  type="button"
                  disabled={uploading}
                  onClick={() => input.current?.click()}
                  className="flex aspect-[3/4] w-28 flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed border-zinc-300 text-xs text-zinc-500 hover:border-brand-500 hover:text-brand-600 dark:border-zinc-700"
                >
                  <ImagePlus className="size-6" />
                  {uploading ? t("uploading") : t("add")}
                </button>
                <button
                  type="button"
                  onClick={() => setShowLibrary(!showLibrary)}
                  aria-expanded={showLibrary}
                  className="mt-1 flex w-28 items-center justify-center gap-1 rounded-md py-1 text-xs text-zinc-500 hover:text-brand-600"
                >
                  <Images className="size-3.5" />
                  {t("library")}
                </button>
                <input
                  ref={input}
                  type="file"
                  accept="image/jpeg,image/png,image/webp,image/gif"
                  multiple
                  hidden
                  aria-label={t("add")}
                  data-testid="image-input"
                  onChange={(e) => e.target.files?.length && void upload(e.target.files)}
                />
              </li>
            )}
          </ul>
        </SortableContext>
      </DndContext>
      {editable && showLibrary && (
        <MediaLibrary
          slug={slug}
          attached={images.map((i) => i.url)}
          onPick={(url) => onChange([...images, { url, alt: "" }])}
          onClose={() => setShowLibrary(false)}
        />
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <p className="text-xs text-zinc-500">{t("hint")}</p>
    </div>
  );
}
