"use client";
/** A small curated emoji grid: the ones RED notes use most, one click to insert. */
import { Smile } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export const curatedEmoji = [
  "✨",
  "🔥",
  "💖",
  "❤️",
  "👍",
  "🙌",
  "🥰",
  "😍",
  "😂",
  "🤣",
  "😭",
  "🥹",
  "🤔",
  "😎",
  "🥳",
  "😋",
  "✅",
  "❌",
  "⭐",
  "🌟",
  "💯",
  "📌",
  "📍",
  "👉",
  "🔸",
  "🔹",
  "💡",
  "⚠️",
  "🎁",
  "🛍️",
  "💄",
  "👗",
  "☕",
  "🍰",
  "🍜",
  "🍓",
  "🌸",
  "🍂",
  "❄️",
  "☀️",
  "🌈",
  "📷",
  "✈️",
  "🏖️",
  "⛺",
  "🏃",
  "💪",
  "🐱",
];

export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  const t = useTranslations("drafts.editor");
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-label={t("emoji")}
        title={t("emoji")}
        aria-expanded={open}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <Smile className="size-4" />
      </button>
      {open && (
        <div
          role="listbox"
          aria-label={t("emoji")}
          className="absolute left-0 top-9 z-20 grid w-72 grid-cols-8 gap-0.5 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {curatedEmoji.map((emoji) => (
            <button
              key={emoji}
              type="button"
              role="option"
              aria-selected={false}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                onPick(emoji);
                setOpen(false);
              }}
              className="rounded p-1 text-lg hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
