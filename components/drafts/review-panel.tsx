"use client";
/** Review workflow: submit, approve or request changes (with a comment), and the conversation. */
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { DraftStatus } from "@/lib/drafts/draft-statuses";
import { draftApi, type ApiError } from "./draft-api";

type Comment = { id: string; kind: string; body: string; authorName: string; createdAt: string };
export type ReviewAbilities = { canSubmit: boolean; canApprove: boolean; canWrite: boolean };

export function ReviewPanel({
  slug,
  draftId,
  status,
  abilities,
  beforeStep,
  onChanged,
  formatTime,
}: {
  slug: string;
  draftId: string;
  status: DraftStatus;
  abilities: ReviewAbilities;
  beforeStep: () => Promise<void>;
  onChanged: (status: DraftStatus) => void;
  formatTime: (iso: string) => string;
}) {
  const t = useTranslations("drafts.review");
  const [comments, setComments] = useState<Comment[]>([]);
  const [text, setText] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () => void draftApi<{ comments: Comment[] }>(slug, `/drafts/${draftId}/comments`).then((r) => r.ok && setComments(r.data.comments)),
    [slug, draftId],
  );
  useEffect(load, [load]);

  async function run(path: string, body: unknown) {
    setBusy(true);
    await beforeStep();
    const res = await draftApi<{ draft?: { status: DraftStatus } }>(slug, `/drafts/${draftId}/${path}`, { method: "POST", body });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setText("");
    if (res.data.draft) onChanged(res.data.draft.status);
    load();
  }

  const canSubmit = abilities.canSubmit && (status === "draft" || status === "changes_requested");
  const canDecide = abilities.canApprove && status === "in_review";
  return (
    <div className="space-y-3" data-testid="review">
      <ul className="max-h-60 space-y-2 overflow-y-auto text-sm">
        {comments.map((c) => (
          <li key={c.id} className="rounded-lg bg-zinc-50 px-3 py-2 dark:bg-zinc-800">
            <p className="text-xs text-zinc-500">
              {c.authorName} · {t(`kinds.${c.kind}`)} · {formatTime(c.createdAt)}
            </p>
            {c.body && <p className="mt-0.5 whitespace-pre-wrap">{c.body}</p>}
          </li>
        ))}
        {!comments.length && <li className="text-zinc-500">{t("noComments")}</li>}
      </ul>
      <textarea
        aria-label={t("comment")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={2000}
        rows={2}
        placeholder={t("commentPlaceholder")}
        className="block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error.message} {error.suggestion}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {canSubmit && (
          <Button size="sm" disabled={busy} onClick={() => run("submit", { comment: text })}>
            {t("submit")}
          </Button>
        )}
        {canDecide && (
          <Button size="sm" disabled={busy} onClick={() => run("approve", { comment: text })}>
            {t("approve")}
          </Button>
        )}
        {canDecide && (
          <Button size="sm" variant="secondary" disabled={busy || !text.trim()} onClick={() => run("request-changes", { comment: text })}>
            {t("requestChanges")}
          </Button>
        )}
        <Button size="sm" variant="ghost" disabled={busy || !text.trim()} onClick={() => run("comments", { body: text })}>
          {t("addComment")}
        </Button>
      </div>
    </div>
  );
}
