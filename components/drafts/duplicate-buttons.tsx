"use client";
/** Duplicate the draft once, or once per selected target account (each copy aimed at one account). */
import { Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { DraftView } from "@/lib/drafts/get-draft";
import { draftApi } from "./draft-api";

export function DuplicateButtons({
  slug,
  draftId,
  accountIds,
  beforeCopy,
}: {
  slug: string;
  draftId: string;
  accountIds: string[];
  beforeCopy: () => Promise<void>;
}) {
  const t = useTranslations("drafts.duplicate");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function copy(perAccount: boolean) {
    setBusy(true);
    await beforeCopy();
    const res = await draftApi<{ drafts: DraftView[] }>(slug, `/drafts/${draftId}/duplicate`, {
      method: "POST",
      body: perAccount ? { accountIds, copySuffix: "" } : { copySuffix: t("suffix") },
    });
    setBusy(false);
    if (!res.ok) return setMessage(`${res.error.message} ${res.error.suggestion}`);
    if (!perAccount) return router.push(`/${slug}/drafts/${res.data.drafts[0].id}`);
    setMessage(t("made", { n: res.data.drafts.length }));
    router.refresh();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button size="sm" variant="ghost" disabled={busy} onClick={() => void copy(false)}>
        <Copy className="size-3.5" /> {t("once")}
      </Button>
      {accountIds.length > 1 && (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => void copy(true)}>
          {t("perAccount", { n: accountIds.length })}
        </Button>
      )}
      {message && (
        <span role="status" className="text-xs text-zinc-500">
          {message}
        </span>
      )}
    </span>
  );
}
