"use client";
/** Add a topic to the watchlist; remove one. */
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

export function WatchlistForm({ slug, add }: { slug: string; add: WorkspaceActionFn }) {
  const t = useTranslations("competitors.topics");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const topic = new FormData(form).get("topic");
    startTransition(async () => {
      const r = await add(slug, { topic });
      setError(r.ok ? null : (r.fieldErrors?.topic?.[0] ?? r.message));
      if (r.ok) form.reset();
      router.refresh();
    });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" aria-label={t("watch")}>
      <TextInput name="topic" required maxLength={40} placeholder={t("watchPlaceholder")} className="w-48" />
      <Button type="submit" size="sm" disabled={pending}>
        {t("watch")}
      </Button>
      {error && (
        <p role="alert" className="w-full text-xs text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}

export function UnwatchButton({ slug, id, remove }: { slug: string; id: string; remove: WorkspaceActionFn }) {
  const t = useTranslations("competitors.topics");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="ghost"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await remove(slug, { id });
          router.refresh();
        })
      }
    >
      {t("unwatch")}
    </Button>
  );
}
