"use client";
/** Per-row actions on the manage lists: collect now through the bridge, delete (asks first; competitors only). */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

export function CompetitorRowActions({
  slug,
  id,
  name,
  collect,
  remove,
}: {
  slug: string;
  id: string;
  name: string;
  collect: WorkspaceActionFn;
  remove?: WorkspaceActionFn;
}) {
  const t = useTranslations("competitors.manage");
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: WorkspaceActionFn, done: (data: unknown) => string) =>
    startTransition(async () => {
      const result = await action(slug, { id });
      setMessage(
        result.ok
          ? done(result.data)
          : `${result.message} ${result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.suggestion}`,
      );
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => run(collect, (d) => t("collected", { notes: (d as { notesIngested: number }).notesIngested }))}
      >
        {t("collectNow")}
      </Button>
      {remove && (
        <ConfirmButton
          label={t("delete")}
          message={t("deleteConfirm", { name })}
          onConfirm={() => run(remove, () => t("deleted"))}
          disabled={pending}
        />
      )}
      {message && (
        <p className="w-full text-right text-xs text-zinc-500" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
