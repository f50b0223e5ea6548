"use client";
/** "<name> is editing": a heartbeat every 10 s while the editor is open; leaves on unmount. */
import { Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { draftApi } from "./draft-api";

const beatMs = 10_000;

export function PresenceBanner({ slug, draftId }: { slug: string; draftId: string }) {
  const t = useTranslations("drafts.presence");
  const [others, setOthers] = useState<{ userId: string; name: string }[]>([]);
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const res = await draftApi<{ others: { userId: string; name: string }[] }>(slug, `/drafts/${draftId}/presence`, { method: "POST" });
      if (!stopped && res.ok) setOthers(res.data.others);
    };
    void beat();
    const timer = setInterval(() => void beat(), beatMs);
    return () => {
      stopped = true;
      clearInterval(timer);
      void draftApi(slug, `/drafts/${draftId}/presence`, { method: "DELETE", keepalive: true });
    };
  }, [slug, draftId]);
  if (!others.length) return null;
  return (
    <div
      role="status"
      data-testid="presence"
      className="flex items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <Users className="size-4" /> {t("editing", { names: others.map((o) => o.name).join("、") })}
    </div>
  );
}
