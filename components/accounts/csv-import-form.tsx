"use client";
/** CSV import: pick a file or paste, check (dry run) with per-row problems, then import all or nothing. */
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import type { ImportResult } from "@/lib/accounts/import-accounts";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

export function CsvImportForm({ slug, action }: { slug: string; action: WorkspaceActionFn<ImportResult> }) {
  const t = useTranslations("matrix.csv");
  const [csv, setCsv] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function run(dryRun: boolean) {
    startTransition(async () => {
      const r = await action(slug, { csv, dryRun });
      setFailure(r.ok ? null : r);
      setResult(r.ok ? r.data : null);
    });
  }

  return (
    <Card className="space-y-3 p-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("hint")}</p>
      <Field label={t("file")} name="csv-file">
        <input
          id="csv-file"
          name="csv-file"
          type="file"
          accept=".csv,text/csv"
          className="text-sm"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) setCsv(await f.text());
          }}
        />
      </Field>
      <Field label={t("paste")} name="csv" errors={failure?.fieldErrors?.csv}>
        <textarea
          id="csv"
          name="csv"
          rows={8}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          className="block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
      </Field>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={pending || !csv} onClick={() => run(true)}>
          {t("preview")}
        </Button>
        <Button disabled={pending || !csv} onClick={() => run(false)}>
          {t("run")}
        </Button>
      </div>
      <ActionError failure={failure} />
      {result && (
        <div data-testid="import-result" className="space-y-2">
          {result.problems.length > 0 ? (
            <Alert tone="error" title={t("nothing")}>
              <ul className="list-disc pl-4">
                {result.problems.map((p) => (
                  <li key={`${p.row}-${p.field}`}>{t("rowError", { row: p.row, message: `${p.field}: ${p.message}` })}</li>
                ))}
              </ul>
            </Alert>
          ) : result.imported > 0 ? (
            <Alert tone="success">
              {t("imported", { count: result.imported })} ·{" "}
              <Link className="underline" href={`/${slug}/accounts`}>
                →
              </Link>
            </Alert>
          ) : (
            <Alert>
              {t("rows", { count: result.rows })}: {result.accounts.map((a) => a.name).join("、")}
            </Alert>
          )}
        </div>
      )}
    </Card>
  );
}
