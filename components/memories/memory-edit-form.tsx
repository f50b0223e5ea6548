"use client";
/** Edits a memory on its detail page; deleting asks first. */
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { MemoryFields, readMemoryForm, type MemoryFormValues } from "./memory-fields";

/** `version`: the memory's updatedAt; the fields start again from `values` when it changes (after a save or a restore), the form's notices stay. */
type Props = { slug: string; id: string; version: string; values: MemoryFormValues; update: WorkspaceActionFn; remove: WorkspaceActionFn };

export function MemoryEditForm({ slug, id, version, values, update, remove }: Props) {
  const t = useTranslations("memories");
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const changes = readMemoryForm(new FormData(e.currentTarget));
    startTransition(async () => {
      const result = await update(slug, { id, changes });
      setFailure(result.ok ? null : result);
      setSaved(result.ok);
    });
  }

  function onDelete() {
    startTransition(async () => {
      const result = await remove(slug, { id });
      if (result.ok) router.push(`/${slug}/memories`);
      else setFailure(result);
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("edit")} className="space-y-3">
      <MemoryFields key={version} values={values} errors={failure?.fieldErrors} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          {t("edit")}
        </Button>
        <ConfirmButton
          label={t("delete")}
          message={t("deleteConfirm")}
          confirmLabel={t("delete")}
          onConfirm={onDelete}
          disabled={pending}
        />
        {saved && <Alert tone="success">{t("saved")}</Alert>}
      </div>
      <ActionError failure={failure} />
    </form>
  );
}
