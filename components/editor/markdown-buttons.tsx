"use client";
/** Markdown import (a .md file replaces the body, undoable) and export (downloads the body as .md). */
import type { Editor } from "@tiptap/react";
import { FileDown, FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";

const maxImportBytes = 200_000;

export function MarkdownButtons({ editor }: { editor: Editor }) {
  const t = useTranslations("drafts.editor");
  const input = useRef<HTMLInputElement>(null);
  const button = "rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";

  function exportMarkdown() {
    const blob = new Blob([editor.getMarkdown()], { type: "text/markdown;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement("a"), { href: url, download: "note.md" });
    a.click();
    URL.revokeObjectURL(url);
  }
  async function importMarkdown(file: File) {
    if (file.size > maxImportBytes) return window.alert(t("importTooLarge"));
    editor
      .chain()
      .focus()
      .setContent(await file.text(), { contentType: "markdown" })
      .run();
  }

  return (
    <>
      <button
        type="button"
        className={button}
        aria-label={t("importMarkdown")}
        title={t("importMarkdown")}
        onClick={() => input.current?.click()}
      >
        <FileUp className="size-4" />
      </button>
      <input
        ref={input}
        type="file"
        accept=".md,.markdown,text/markdown,text/plain"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void importMarkdown(f);
          e.target.value = "";
        }}
      />
      <button type="button" className={button} aria-label={t("exportMarkdown")} title={t("exportMarkdown")} onClick={exportMarkdown}>
        <FileDown className="size-4" />
      </button>
    </>
  );
}
