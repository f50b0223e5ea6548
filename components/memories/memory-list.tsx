/** The memory list (or search hits, with their score). Server-rendered; links to each memory's detail. */
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { MemoryView } from "@/lib/memory/memory-view";

type Labels = { types: Record<string, string>; privacies: Record<string, string>; importance: string; uses: string; score: string };

export function MemoryList({ slug, items, labels }: { slug: string; items: { memory: MemoryView; score?: number }[]; labels: Labels }) {
  return (
    <Card className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="memory-list">
      {items.map(({ memory: m, score }) => (
        <Link
          key={m.id}
          href={`/${slug}/memories/${m.id}`}
          className="block px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
          data-testid="memory-item"
        >
          <p className="line-clamp-2 text-sm">{m.content}</p>
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
            <Badge tone={m.type === "long_term" ? "brand" : "gray"}>{labels.types[m.type]}</Badge>
            <Badge tone={m.privacy === "workspace" ? "green" : "amber"}>{labels.privacies[m.privacy]}</Badge>
            {m.category && <Badge>{m.category}</Badge>}
            {m.tags.map((tag) => (
              <span key={tag}>#{tag}</span>
            ))}
            <span className="ml-auto tabular-nums">
              {labels.importance} {m.importance.toFixed(2)} · {labels.uses} {m.accessCount}
              {score !== undefined && ` · ${labels.score} ${score.toFixed(3)}`}
            </span>
          </div>
        </Link>
      ))}
    </Card>
  );
}
