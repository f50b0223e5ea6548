/** Renders search-marked text (\u0001…\u0002) with <mark> around matches, as React text only. */
import { splitMarked } from "@/lib/drafts/mark-matches";

export function MarkedText({ text }: { text: string }) {
  return (
    <>
      {splitMarked(text).map((part, i) =>
        part.hit ? (
          <mark key={i} className="rounded bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700/60">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
