"use client";
/** Runs a wrapped server action from a form: the last result, its failure (for field errors), and pending. */
import { useState, useTransition } from "react";
import type { ActionResult, WorkspaceActionFn } from "@/lib/next/workspace-action";

export function useWorkspaceAction<T>(slug: string, action: WorkspaceActionFn<T>) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const failure = result && !result.ok ? result : null;

  function run(input: unknown, onOk?: (data: T) => void) {
    startTransition(async () => {
      const next = await action(slug, input);
      setResult(next);
      if (next.ok) onOk?.(next.data);
    });
  }

  return { result, failure, pending, run };
}
