"use client";
/**
 * Mine vs theirs, side by side, as the plain text each would publish, with each side's images
 * (cover, order, images only one side has). Three ways out and none loses words or images: keep
 * mine (saved on top of theirs), take theirs, or save mine as a new draft; each carries its images.
 */
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DraftImage } from "@/lib/drafts/doc-types";
import { diffImages } from "@/lib/drafts/diff-images";
import type { DraftView } from "@/lib/drafts/get-draft";
import type { BulletStyle } from "@/lib/drafts/note-settings";
import { renderPlainText } from "@/lib/drafts/render-plain-text";
import { ConflictImages } from "./conflict-images";
import type { Content } from "./use-autosave";

type Props = {
  mine: Content;
  theirs: DraftView;
  bulletStyle: BulletStyle;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onSaveCopy: () => void;
};

type SideProps = {
  label: string;
  title: string;
  doc: Content["doc"];
  images: DraftImage[];
  onlyHere: string[];
  altChanged: string[];
  bulletStyle: BulletStyle;
  testId: string;
};

function Side({ label, title, doc, images, onlyHere, altChanged, bulletStyle, testId }: SideProps) {
  const { body, topics } = renderPlainText(doc, { bulletStyle });
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-700 dark:bg-zinc-900" data-testid={testId}>
      <p className="mb-2 text-xs font-medium uppercase text-zinc-500">{label}</p>
      <p className="font-semibold">{title}</p>
      <p className="mt-1 whitespace-pre-wrap text-sm">{body}</p>
      {topics.length > 0 && <p className="mt-2 text-sm text-sky-700">{topics.map((t) => `#${t}`).join(" ")}</p>}
      <ConflictImages images={images} onlyHere={onlyHere} altChanged={altChanged} />
    </div>
  );
}

export function ConflictView({ mine, theirs, bulletStyle, busy, onKeepMine, onTakeTheirs, onSaveCopy }: Props) {
  const t = useTranslations("drafts.conflict");
  const diff = diffImages(mine.images, theirs.images);
  const changes = [
    diff.onlyMine.length > 0 && t("imagesOnlyMine", { n: diff.onlyMine.length }),
    diff.onlyTheirs.length > 0 && t("imagesOnlyTheirs", { n: diff.onlyTheirs.length }),
    diff.coverChanged && t("coverChanged"),
    diff.reordered && t("reordered"),
    diff.altChanged.length > 0 && t("altChanged", { n: diff.altChanged.length }),
  ].filter(Boolean);
  return (
    <section
      aria-label={t("title")}
      className="space-y-3 rounded-xl border-2 border-red-300 bg-red-50/50 p-4 dark:border-red-900 dark:bg-red-950/30"
    >
      <Alert tone="error" title={t("title")}>
        {t("body", { version: theirs.version })}
      </Alert>
      <div className="grid gap-3 md:grid-cols-2">
        <Side
          label={t("mine")}
          title={mine.title}
          doc={mine.doc}
          images={mine.images}
          onlyHere={diff.onlyMine}
          altChanged={diff.altChanged}
          bulletStyle={bulletStyle}
          testId="conflict-mine"
        />
        <Side
          label={t("theirs")}
          title={theirs.title}
          doc={theirs.doc}
          images={theirs.images}
          onlyHere={diff.onlyTheirs}
          altChanged={diff.altChanged}
          bulletStyle={bulletStyle}
          testId="conflict-theirs"
        />
      </div>
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="conflict-image-summary">
        {t("imagesSummary", {
          mine: mine.images.length,
          theirs: theirs.images.length,
          changes: changes.length ? changes.join(t("separator")) : t("imagesSame"),
        })}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onKeepMine} disabled={busy}>
          {t("keepMine")}
        </Button>
        <Button variant="secondary" onClick={onTakeTheirs} disabled={busy}>
          {t("takeTheirs")}
        </Button>
        <Button variant="secondary" onClick={onSaveCopy} disabled={busy}>
          {t("saveCopy")}
        </Button>
      </div>
    </section>
  );
}
