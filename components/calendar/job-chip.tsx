"use client";
import { useDraggable } from "@dnd-kit/core";
import { cn } from "@/components/ui/cn";
import { accountColor } from "./account-colors";
import type { JobView } from "./types";

const statusMark: Record<JobView["status"], string> = {
  scheduled: "",
  publishing: "animate-pulse",
  published: "opacity-70",
  failed: "ring-2 ring-red-500",
  unconfirmed: "ring-2 ring-amber-500",
  canceled: "line-through opacity-50",
};

type Props = { job: JobView; time: string; localHint: string | null; draggable: boolean; onOpen: () => void };

export function JobChip({ job, time, localHint, draggable, onOpen }: Props) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: job.id, disabled: !draggable });
  return (
    <button
      ref={setNodeRef}
      type="button"
      onClick={onOpen}
      title={localHint ?? undefined}
      data-testid={`job-${job.id}`}
      data-status={job.status}
      style={transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined}
      className={cn(
        "block w-full truncate rounded-md border-l-4 px-1.5 py-1 text-left text-xs leading-tight",
        accountColor(job.accountId),
        statusMark[job.status],
        draggable && "cursor-grab active:cursor-grabbing",
        isDragging && "z-10 shadow-lg",
      )}
      {...listeners}
      {...attributes}
    >
      <span className="font-semibold tabular-nums">{time}</span> <span>{job.accountName}</span>
      <span className="block truncate opacity-80">{job.title}</span>
    </button>
  );
}
