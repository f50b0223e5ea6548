"use client";
/**
 * The note body editor (Tiptap 3): StarterKit (paragraphs, headings, bold/italic, lists, links,
 * undo/redo, Markdown input rules), Markdown paste, `#topic` suggestions (hot ones labelled)
 * and an emoji picker.
 * The document goes out as JSON through onChange; the server sanitizes and renders it.
 */
import { Markdown } from "@tiptap/markdown";
import Placeholder from "@tiptap/extension-placeholder";
import { EditorContent, useEditor, type Editor, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { DraftDoc } from "@/lib/drafts/doc-types";
import { EditorToolbar } from "./editor-toolbar";
import { rankTopics, type TopicSuggestion } from "@/lib/drafts/rank-topics";
import { topicQueryAt, type TopicQuery } from "./topic-suggestions";

const markdownHint = /^(#{1,3} |[-*] |\d+\. |> )|\*\*[^*]+\*\*/m;

type Props = {
  content: DraftDoc;
  topics: TopicSuggestion[];
  editable: boolean;
  onChange: (doc: DraftDoc) => void;
  onBlur: () => void;
  onEditor?: (editor: Editor) => void;
};

export function NoteEditor({ content, topics, editable, onChange, onBlur, onEditor }: Props) {
  const t = useTranslations("drafts.editor");
  const [suggest, setSuggest] = useState<{ at: TopicQuery; items: TopicSuggestion[]; index: number; top: number; left: number } | null>(
    null,
  );
  const suggestRef = useRef(suggest);
  suggestRef.current = suggest;
  const topicsRef = useRef(topics);
  topicsRef.current = topics;

  function pick(editor: Editor, topic: string) {
    const at = suggestRef.current?.at;
    if (!at) return;
    editor.chain().focus().insertContentAt({ from: at.from, to: at.to }, `#${topic} `).run();
    setSuggest(null);
  }

  const editor = useEditor({
    immediatelyRender: false,
    editable,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false, autolink: true, defaultProtocol: "https" } }),
      Placeholder.configure({ placeholder: t("placeholder") }),
      Markdown,
    ],
    content: content as JSONContent,
    editorProps: {
      attributes: {
        class: "prose prose-zinc dark:prose-invert max-w-none min-h-72 px-4 py-3 focus:outline-none",
        "aria-label": t("bodyLabel"),
        "data-testid": "note-body",
      },
      handlePaste(_view, event) {
        const text = event.clipboardData?.getData("text/plain") ?? "";
        const html = event.clipboardData?.getData("text/html") ?? "";
        if (html || !markdownHint.test(text) || !editorRef.current) return false;
        editorRef.current.commands.insertContent(text, { contentType: "markdown" });
        return true;
      },
      handleKeyDown(_view, event) {
        const s = suggestRef.current;
        if (!s?.items.length || !editorRef.current) return false;
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          const step = event.key === "ArrowDown" ? 1 : -1;
          setSuggest({ ...s, index: (s.index + step + s.items.length) % s.items.length });
          return true;
        }
        if (event.key === "Enter" || event.key === "Tab") {
          pick(editorRef.current, s.items[s.index].topic);
          return true;
        }
        if (event.key === "Escape") {
          setSuggest(null);
          return true;
        }
        return false;
      },
    },
    onUpdate({ editor }) {
      onChangeRef.current(editor.getJSON() as DraftDoc);
      const at = topicQueryAt(editor);
      const items = at ? rankTopics(topicsRef.current, at.query) : [];
      if (!at || !items.length) return setSuggest(null);
      const coords = editor.view.coordsAtPos(at.to);
      const box = editor.view.dom.getBoundingClientRect();
      setSuggest({ at, items, index: 0, top: coords.bottom - box.top + 4, left: coords.left - box.left });
    },
    onBlur() {
      onBlurRef.current();
    },
  });
  const editorRef = useRef<Editor | null>(null);
  editorRef.current = editor;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onBlurRef = useRef(onBlur);
  onBlurRef.current = onBlur;

  useEffect(() => {
    if (editor) onEditor?.(editor);
  }, [editor, onEditor]);
  useEffect(() => {
    // emitUpdate false: toggling editability is not an edit, and must not trigger an autosave.
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  if (!editor) return <div className="min-h-80 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-800" />;
  return (
    <div className="relative rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      {editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} />
      {suggest && (
        <ul
          role="listbox"
          aria-label={t("topicSuggestions")}
          className="absolute z-20 w-56 rounded-lg border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          style={{ top: suggest.top + 40, left: Math.max(8, suggest.left) }}
        >
          {suggest.items.map(({ topic, isHot }, i) => (
            <li key={topic} role="option" aria-selected={i === suggest.index}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(editor, topic)}
                className={`flex w-full items-center justify-between gap-2 px-3 py-1.5 text-left ${i === suggest.index ? "bg-brand-50 text-brand-700" : "hover:bg-zinc-50 dark:hover:bg-zinc-800"}`}
              >
                <span className="truncate">#{topic}</span>
                {isHot && (
                  <span
                    data-testid="hot-topic"
                    title={t("hotTopicHint")}
                    className="shrink-0 rounded bg-red-50 px-1.5 text-[10px] font-medium text-red-600 dark:bg-red-950 dark:text-red-300"
                  >
                    {t("hotTopic")}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
