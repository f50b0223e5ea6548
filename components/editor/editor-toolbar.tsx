"use client";
/** The formatting toolbar: headings, bold/italic, lists, link, undo/redo, emoji. */
import type { Editor } from "@tiptap/react";
import { Bold, Heading2, Heading3, Italic, Link2, List, ListOrdered, Redo2, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { EmojiPicker } from "./emoji-picker";
import { MarkdownButtons } from "./markdown-buttons";

function ToolButton({
  label,
  active,
  onClick,
  children,
  disabled,
}: {
  label: string;
  active?: boolean;
  onClick: () => void;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={cn(
        "rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 disabled:opacity-40 dark:text-zinc-300 dark:hover:bg-zinc-800",
        active && "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-white",
      )}
    >
      {children}
    </button>
  );
}

export function EditorToolbar({ editor }: { editor: Editor }) {
  const t = useTranslations("drafts.editor");
  const chain = () => editor.chain().focus();
  function setLink() {
    const previous = editor.getAttributes("link").href as string | undefined;
    const href = window.prompt(t("linkPrompt"), previous ?? "https://");
    if (href === null) return;
    if (href.trim() === "") chain().extendMarkRange("link").unsetLink().run();
    else chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
  }
  const icon = "size-4";
  return (
    <div
      className="flex flex-wrap items-center gap-0.5 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800"
      role="toolbar"
      aria-label={t("toolbar")}
    >
      <ToolButton
        label={t("heading2")}
        active={editor.isActive("heading", { level: 2 })}
        onClick={() => chain().toggleHeading({ level: 2 }).run()}
      >
        <Heading2 className={icon} />
      </ToolButton>
      <ToolButton
        label={t("heading3")}
        active={editor.isActive("heading", { level: 3 })}
        onClick={() => chain().toggleHeading({ level: 3 }).run()}
      >
        <Heading3 className={icon} />
      </ToolButton>
      <ToolButton label={t("bold")} active={editor.isActive("bold")} onClick={() => chain().toggleBold().run()}>
        <Bold className={icon} />
      </ToolButton>
      <ToolButton label={t("italic")} active={editor.isActive("italic")} onClick={() => chain().toggleItalic().run()}>
        <Italic className={icon} />
      </ToolButton>
      <ToolButton label={t("bulletList")} active={editor.isActive("bulletList")} onClick={() => chain().toggleBulletList().run()}>
        <List className={icon} />
      </ToolButton>
      <ToolButton label={t("orderedList")} active={editor.isActive("orderedList")} onClick={() => chain().toggleOrderedList().run()}>
        <ListOrdered className={icon} />
      </ToolButton>
      <ToolButton label={t("link")} active={editor.isActive("link")} onClick={setLink}>
        <Link2 className={icon} />
      </ToolButton>
      <span className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-700" />
      <ToolButton label={t("undo")} disabled={!editor.can().undo()} onClick={() => chain().undo().run()}>
        <Undo2 className={icon} />
      </ToolButton>
      <ToolButton label={t("redo")} disabled={!editor.can().redo()} onClick={() => chain().redo().run()}>
        <Redo2 className={icon} />
      </ToolButton>
      <span className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-700" />
      <EmojiPicker onPick={(emoji) => chain().insertContent(emoji).run()} />
      <span className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-700" />
      <MarkdownButtons editor={editor} />
    </div>
  );
}
