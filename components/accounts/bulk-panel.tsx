"use client";
/**
 * Bulk actions on the selected accounts. Runs one account per call (three calls at a time) so
 * the progress bar moves and each account gets its own result line; an account that fails
 * does not stop the rest.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import type { MemberOption } from "@/lib/accounts/matrix-rows";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

const actions = ["pause", "resume", "set_groups", "set_tags", "grant", "revoke", "check_connection"] as const;
type Action = (typeof actions)[number];
const parallel = 3;
type Result = { accountId: string; name: string; ok: boolean; message: string };

type Props = {
  slug: string;
  selectedIds: string[];
  names: Record<string, string>;
  members: MemberOption[];
  canGrant: boolean;
  bulkAction: WorkspaceActionFn<{ results: Result[] }>;
};

export function BulkPanel({ slug, selectedIds, names, members, canGrant, bulkAction }: Props) {
  const t = useTranslations("matrix.bulk");
  const router = useRouter();
  const [action, setAction] = useState<Action>("pause");
  const [values, setValues] = useState("");
  const [mode, setMode] = useState("replace");
  const [memberId, setMemberId] = useState(members[0]?.id ?? "");
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [total, setTotal] = useState(0);
  const [results, setResults] = useState<Result[]>([]);

  function payload(): Record<string, unknown> {
    const list = values
      .split(/[,，]/)
      .map((v) => v.trim())
      .filter(Boolean);
    if (action === "set_groups") return { action, groups: list, mode };
    if (action === "set_tags") return { action, tags: list, mode };
    if (action === "grant" || action === "revoke") return { action, memberIds: [memberId] };
    return { action };
  }

  async function run() {
    const ids = [...selectedIds];
    setRunning(true);
    setDone(0);
    setTotal(ids.length);
    setResults([]);
    const body = payload();
    const queue = [...ids];
    // A few at a time: connection checks wait on the network, and one slow bridge must not
    // hold up the rest of the list.
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const r = await bulkAction(slug, { ...body, accountIds: [id] });
        const line: Result = r.ok ? r.data.results[0] : { accountId: id, name: names[id] ?? id, ok: false, message: r.message };
        setResults((prev) => [...prev, line]);
        setDone((d) => d + 1);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker));
    setRunning(false);
    router.refresh();
  }

  const available = actions.filter((a) => canGrant || (a !== "grant" && a !== "revoke"));
  const okCount = results.filter((r) => r.ok).length;
  return (
    <div className="mb-4 rounded-xl border border-brand-500/40 bg-brand-50/40 p-3 dark:bg-brand-700/10" data-testid="bulk-panel">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">{t("title")}</span>
        <Select
          name="bulk-action"
          aria-label={t("action")}
          value={action}
          onChange={(e) => setAction(e.target.value as Action)}
          className="w-auto!"
        >
          {available.map((a) => (
            <option key={a} value={a}>
              {t(a)}
            </option>
          ))}
        </Select>
        {(action === "set_groups" || action === "set_tags") && (
          <>
            <TextInput
              name="bulk-values"
              aria-label={t("values")}
              placeholder={t("values")}
              value={values}
              onChange={(e) => setValues(e.target.value)}
              className="w-56!"
            />
            <Select name="bulk-mode" aria-label={t("mode")} value={mode} onChange={(e) => setMode(e.target.value)} className="w-auto!">
              {(["replace", "add", "remove"] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`modes.${m}`)}
                </option>
              ))}
            </Select>
          </>
        )}
        {(action === "grant" || action === "revoke") && (
          <Select
            name="bulk-member"
            aria-label={t("member")}
            value={memberId}
            onChange={(e) => setMemberId(e.target.value)}
            className="w-auto!"
          >
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        )}
        <Button size="sm" onClick={run} disabled={running || selectedIds.length === 0}>
          {t("run")}
        </Button>
      </div>
      {total > 0 && (
        <div className="mt-3 space-y-2">
          <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
            <div
              className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={done}
              data-testid="bulk-progress"
            >
              <div className="h-full bg-brand-500 transition-all" style={{ width: `${(done / total) * 100}%` }} />
            </div>
            <span data-testid="bulk-progress-text">
              {running ? t("progress", { done, total }) : t("done", { ok: okCount, failed: results.length - okCount })}
            </span>
          </div>
          <ul className="max-h-48 overflow-y-auto text-xs" aria-label={t("results")} data-testid="bulk-results">
            {results.map((r) => (
              <li key={r.accountId} className="flex gap-2 py-0.5" data-ok={r.ok}>
                <span className={r.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}>
                  {r.ok ? t("ok") : t("failed")}
                </span>
                <span className="font-medium">{r.name}</span>
                <span className="text-zinc-500">{r.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
