"use client";
/**
 * MediaCrawler import: pick a file -> preview (kind, encoding, column mapping, sample, row errors,
 * authors) -> import with a progress bar (the run is polled while the upload is processed) -> report.
 */
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";

type RowError = { row: number; field?: string; message: string };
type Preview = {
  kind: string;
  format: string;
  encoding: string;
  totalRows: number;
  validRows: number;
  mapping: { source: string; target: string }[];
  errors: RowError[];
  errorCount: number;
  authors: { label: string; rows: number; competitorName: string | null }[];
};
type Run = {
  status: string;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  skippedRows: number;
  errorCount: number;
  errors: RowError[];
};
type ApiError = { error: { message: string; suggestion: string; fieldErrors?: Record<string, string[]> } };

const maxBytes = 50 * 1024 * 1024;

export function ImportForm({ slug, competitors }: { slug: string; competitors: { id: string; name: string }[] }) {
  const t = useTranslations("competitors.import");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState("by_author");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The run being polled: a poll answering after the import finished (or after another file was
  // chosen) must not bring an old state back.
  const polling = useRef<string | null>(null);

  const query = (f: File, extra: Record<string, string> = {}) =>
    new URLSearchParams({
      fileName: f.name.slice(0, 200),
      ...(target === "by_author" ? {} : { competitorId: target }),
      ...extra,
    }).toString();
  const send = async (url: string, f: File) => {
    const res = await fetch(url, { method: "POST", body: f, headers: { "content-type": "application/octet-stream", "x-workspace": slug } });
    const json = (await res.json()) as unknown;
    if (!res.ok) {
      const e = (json as ApiError).error;
      throw new Error([e.message, ...Object.values(e.fieldErrors ?? {}).flat(), e.suggestion].join(" "));
    }
    return json;
  };

  async function choose(f: File | null) {
    polling.current = null;
    setFile(f);
    setPreview(null);
    setRun(null);
    setError(null);
    if (!f) return;
    if (f.size > maxBytes) return setError(t("tooLarge"));
    setBusy(true);
    try {
      setPreview(((await send(`/api/v1/competitor-imports/preview?${query(f)}`, f)) as { preview: Preview }).preview);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    if (!file) return;
    const runId = `imp_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`;
    setBusy(true);
    setError(null);
    polling.current = runId;
    const poll = setInterval(async () => {
      const res = await fetch(`/api/v1/competitor-imports/${runId}`, { headers: { "x-workspace": slug } });
      const polled = res.ok ? ((await res.json()) as { run: Run }).run : null;
      if (polled && polling.current === runId) setRun(polled);
    }, 700);
    try {
      const done = ((await send(`/api/v1/competitor-imports?${query(file, { runId })}`, file)) as { run: Run }).run;
      polling.current = null;
      setRun(done);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      polling.current = null;
      clearInterval(poll);
      setBusy(false);
    }
  }

  const percent = run?.totalRows ? Math.round((run.processedRows / run.totalRows) * 100) : 0;
  const errors = run?.errors ?? preview?.errors ?? [];
  return (
    <Card className="space-y-4 p-4" data-testid="import-form">
      <div>
        <h2 className="font-semibold">{t("title")}</h2>
        <p className="text-sm text-zinc-500">{t("hint")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium">{t("file")}</span>
          <input
            ref={input}
            type="file"
            name="file"
            accept=".csv,.json,.jsonl,text/csv,application/json"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            className="block text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 dark:file:bg-zinc-800"
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">{t("assign")}</span>
          <Select
            name="target"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
              if (file) void choose(file);
            }}
          >
            <option value="by_author">{t("byAuthor")}</option>
            {competitors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {preview && (
        <div className="space-y-3 text-sm" data-testid="import-preview">
          <p>
            {t("summary", {
              kind: t(`kinds.${preview.kind as "notes"}`),
              format: preview.format.toUpperCase(),
              encoding: preview.encoding.toUpperCase(),
              total: preview.totalRows,
              valid: preview.validRows,
              errors: preview.errorCount,
            })}
          </p>
          <details>
            <summary className="cursor-pointer text-zinc-600 dark:text-zinc-300">{t("mapping")}</summary>
            <table className="mt-2 text-xs">
              <tbody>
                {preview.mapping.map((m) => (
                  <tr key={m.source}>
                    <td className="pr-4 font-mono">{m.source}</td>
                    <td className="text-zinc-500">→ {m.target}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          {preview.authors.length > 0 && (
            <ul className="text-xs text-zinc-600 dark:text-zinc-300">
              {preview.authors.map((a) => (
                <li key={a.label}>
                  {t("author", { label: a.label, rows: a.rows })} → {a.competitorName ?? (target === "by_author" ? t("willCreate") : "—")}
                </li>
              ))}
            </ul>
          )}
          <Button onClick={start} disabled={busy || preview.validRows === 0} data-testid="start-import">
            {t("start", { rows: preview.validRows })}
          </Button>
        </div>
      )}
      {run && (
        <div className="space-y-1" data-testid="import-progress">
          <div
            className="h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
            role="progressbar"
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div className="h-full bg-brand-500 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm" role="status">
            {run.status === "done" ? t("done", { imported: run.importedRows, skipped: run.skippedRows }) : t("running", { percent })}
          </p>
        </div>
      )}
      {errors.length > 0 && (
        <div data-testid="import-errors">
          <h3 className="text-sm font-medium text-red-700 dark:text-red-300">
            {t("errors", { count: run?.errorCount ?? preview?.errorCount ?? errors.length })}
          </h3>
          <table className="mt-1 w-full text-xs">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="py-1 pr-3">{t("row")}</th>
                <th className="pr-3">{t("column")}</th>
                <th>{t("problem")}</th>
              </tr>
            </thead>
            <tbody>
              {errors.slice(0, 50).map((e, i) => (
                <tr key={i}>
                  <td className="py-0.5 pr-3 tabular-nums">{e.row}</td>
                  <td className="pr-3 font-mono">{e.field ?? "—"}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
