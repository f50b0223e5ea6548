"use client";
/** Deletes the draft after a confirmation, then returns to the list. */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionError } from "@/components/ui/action-error";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

export function DeleteDraftButton({ slug, draftId, action }: { slug: string; draftId: string; action: WorkspaceActionFn }) {
  const t = useTranslations("drafts");
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton
        label={t("delete")}
        message={t("deleteConfirm")}
        confirmLabel={t("delete")}
        onConfirm={async () => {
          const result = await action(slug, { id: draftId });
          if (result.ok) router.push(`/${slug}/drafts`);
          else setFailure(result);
        }}
      />
      <ActionError failure={failure} />
    </span>
  );
}
