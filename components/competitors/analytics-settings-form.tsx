"use client";
/** Workspace analytics settings: viral-note threshold (optionally tiered by follower count) and CES weights. */
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

type Settings = {
  viralRule: { minLikes: number; tiers: { maxFollowers: number | null; minLikes: number }[] };
  cesWeights: Record<"like" | "collect" | "comment" | "share" | "follow", number>;
};
const commonTiers = [
  { maxFollowers: 10_000, minLikes: 800 },
  { maxFollowers: 100_000, minLikes: 10_000 },
];

export function AnalyticsSettingsForm({ slug, action, settings }: { slug: string; action: WorkspaceActionFn; settings: Settings }) {
  const t = useTranslations("competitors.settings");
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const weights = ["like", "collect", "comment", "share", "follow"] as const;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const num = (k: string) => Number(data.get(k));
    startTransition(async () => {
      const result = await action(slug, {
        viralRule: { minLikes: num("minLikes"), tiers: data.get("tiered") ? commonTiers : [] },
        cesWeights: Object.fromEntries(weights.map((w) => [w, num(`w_${w}`)])),
      });
      setFailure(result.ok ? null : result);
      setSaved(result.ok);
      router.refresh();
    });
  }

  return (
    <Card className="p-4">
      <h2 className="font-semibold">{t("title")}</h2>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" aria-label={t("title")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("minLikes")} name="minLikes" errors={failure?.fieldErrors?.["viralRule.minLikes"]}>
            <TextInput name="minLikes" type="number" min={1} required defaultValue={settings.viralRule.minLikes} />
          </Field>
          <label className="flex items-center gap-2 pt-6 text-sm">
            <input type="checkbox" name="tiered" defaultChecked={settings.viralRule.tiers.length > 0} /> {t("tiered")}
          </label>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{t("ces")}</legend>
          <div className="mt-1 grid grid-cols-5 gap-2">
            {weights.map((w) => (
              <label key={w} className="text-xs text-zinc-500">
                {t(`weights.${w}`)}
                <TextInput name={`w_${w}`} type="number" min={0} max={100} step="0.5" required defaultValue={settings.cesWeights[w]} />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm" disabled={pending}>
            {t("save")}
          </Button>
          {saved && (
            <span role="status" className="text-sm text-emerald-600">
              {t("saved")}
            </span>
          )}
        </div>
        <ActionError failure={failure} />
      </form>
    </Card>
  );
}
