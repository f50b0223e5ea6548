"use client";
/** Adds a memory. */
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { MemoryFields, readMemoryForm } from "./memory-fields";

export function MemoryCreateForm({ slug, action, defaultPrivacy }: { slug: string; action: WorkspaceActionFn; defaultPrivacy: string }) {
  const t = useTranslations("memories");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const input = readMemoryForm(new FormData(form));
    startTransition(async () => {
      const result = await action(slug, input);
      setFailure(result.ok ? null : result);
      if (result.ok) form.reset();
    });
  }

  return (
    <Card className="p-4">
      <form onSubmit={onSubmit} aria-label={t("add")} className="space-y-3">
        <MemoryFields values={{ privacy: defaultPrivacy }} errors={failure?.fieldErrors} />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {t("add")}
          </Button>
          <ActionError failure={failure} />
        </div>
      </form>
    </Card>
  );
}
