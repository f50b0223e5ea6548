"use client";
/**
 * The draft editor page: title + body editor with counters, autosave and its status pill,
 * offline copy, conflict view, presence, history, review, phone preview, checks and the
 * confirmation step. Everything the preview shows comes from the same renderer the publisher uses.
 */
import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { NoteEditor } from "@/components/editor/note-editor";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { DraftStatus } from "@/lib/drafts/draft-statuses";
import type { DraftDoc } from "@/lib/drafts/doc-types";
import type { DraftView } from "@/lib/drafts/get-draft";
import { checkNote } from "@/lib/drafts/note-checks";
import type { NoteSettings } from "@/lib/drafts/note-settings";
import { renderPlainText } from "@/lib/drafts/render-plain-text";
import type { TopicSuggestion } from "@/lib/drafts/rank-topics";
import { bodyLength } from "@/lib/drafts/text-length";
import { ChecksPanel } from "./checks-panel";
import { ConfirmStep } from "./confirm-step";
import { ConflictView } from "./conflict-view";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";
import { DeleteDraftButton } from "./delete-draft-button";
import { DuplicateButtons } from "./duplicate-buttons";
import { draftApi } from "./draft-api";
import { HistoryPanel } from "./history-panel";
import { ImagesPanel } from "./images-panel";
import { readLocalCopy } from "./local-copy";
import { PhonePreview, type PreviewAccount } from "./phone-preview";
import { PresenceBanner } from "./presence-banner";
import { ReviewPanel } from "./review-panel";
import { StatusPill } from "./status-pill";
import { statusTone } from "./status-tone";
import { TitleField } from "./title-field";
import { useAutosave, type Content } from "./use-autosave";

type Props = {
  deleteAction?: WorkspaceActionFn;
  slug: string;
  draft: DraftView;
  accounts: PreviewAccount[];
  settings: NoteSettings;
  topics: TopicSuggestion[];
  abilities: { canWrite: boolean; canSubmit: boolean; canApprove: boolean; canSchedule: boolean };
  timeZone: string;
};

export function DraftWorkspace({ deleteAction, slug, draft, accounts, settings, topics, abilities, timeZone }: Props) {
  const t = useTranslations("drafts");
  const [initial, setInitial] = useState<Content | null>(null);
  const [title, setTitle] = useState(draft.title);
  const [doc, setDoc] = useState<DraftDoc>(draft.doc);
  const [accountIds, setAccountIds] = useState(draft.accountIds);
  const [images, setImages] = useState(draft.images);
  const [status, setStatus] = useState<DraftStatus>(draft.status);
  const [busy, setBusy] = useState(false);
  const [copyId, setCopyId] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const editorRef = useRef<Editor | null>(null);
  const save = useAutosave(slug, draft.id, draft.version);
  const editable = abilities.canWrite && status !== "scheduled" && status !== "published";
  const formatTime = useCallback(
    (iso: string) => new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: "short", timeStyle: "short" }).format(new Date(iso)),
    [timeZone],
  );

  // Unsent edits from an earlier visit (closed tab, offline) win over the server copy, or, if
  // the server moved on meanwhile, open the conflict view instead of dropping either side.
  useEffect(() => {
    const local = readLocalCopy(draft.id);
    const differs =
      local &&
      (local.title !== draft.title ||
        JSON.stringify(local.doc) !== JSON.stringify(draft.doc) ||
        JSON.stringify(local.images ?? draft.images) !== JSON.stringify(draft.images));
    if (local && differs) {
      const content = { title: local.title, doc: local.doc, accountIds: local.accountIds, images: local.images ?? draft.images };
      setTitle(content.title);
      setDoc(content.doc);
      setAccountIds(content.accountIds);
      setImages(content.images);
      setInitial(content);
      if (local.baseVersion === draft.version) save.change(content);
      else {
        save.change(content);
        save.showConflict(draft);
      }
    } else setInitial({ title: draft.title, doc: draft.doc, accountIds: draft.accountIds, images: draft.images });
    // Runs once per draft: later server copies arrive through saves, not props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.id]);

  // The server may change the status on save (editing approved text withdraws the approval).
  useEffect(() => {
    if (save.saved) setStatus(save.saved.status);
  }, [save.saved]);

  const latest = useRef<Content>({ title, doc, accountIds, images });
  latest.current = { title, doc, accountIds, images };
  const push = (patch: Partial<Content>) => save.change({ ...latest.current, ...patch });

  const rendered = useMemo(() => renderPlainText(doc, settings), [doc, settings]);
  const checks = useMemo(
    () =>
      checkNote(
        { title, body: rendered.body, topics: rendered.topics, imageCount: images.length, accountCount: accountIds.length },
        settings,
      ),
    [title, rendered, images, accountIds, settings],
  );
  const targets = accounts.filter((a) => accountIds.includes(a.id));
  const onEditor = useCallback((e: Editor) => void (editorRef.current = e), []);

  function applyServer(server: DraftView) {
    editorRef.current?.commands.setContent(server.doc, { emitUpdate: false });
    setTitle(server.title);
    setDoc(server.doc);
    setAccountIds(server.accountIds);
    setImages(server.images);
    setStatus(server.status);
  }
  async function saveMineAsCopy(theirs: DraftView) {
    setBusy(true);
    const mine = latest.current;
    const res = await draftApi<{ draft: DraftView }>(slug, "/drafts", {
      method: "POST",
      body: { title: `${mine.title}${t("conflict.copySuffix")}`, doc: mine.doc, accountIds: mine.accountIds, images: mine.images },
    });
    setBusy(false);
    if (!res.ok) return;
    setCopyId(res.data.draft.id);
    applyServer(theirs);
    save.resolve(theirs.version, null);
  }
  async function restore(revisionId: string) {
    await save.flush();
    const res = await draftApi<{ draft: DraftView }>(slug, `/drafts/${draft.id}/revisions`, {
      method: "POST",
      body: { revisionId, baseVersion: save.version.current },
    });
    if (res.ok) {
      applyServer(res.data.draft);
      save.resolve(res.data.draft.version, null);
      setHistoryKey((k) => k + 1);
    } else if (res.status === 409) save.showConflict(res.error.details?.current as DraftView);
  }

  if (!initial) return <div className="h-96 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />;
  const length = bodyLength(rendered.body);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <StatusPill status={save.status} />
        <Badge tone={statusTone[status]}>
          <span data-testid="draft-status">{t(`statuses.${status}`)}</span>
        </Badge>
        {save.lastError && save.status !== "saved" && <span className="text-xs text-red-600">{save.lastError.message}</span>}
        {abilities.canWrite && <DuplicateButtons slug={slug} draftId={draft.id} accountIds={accountIds} beforeCopy={() => save.flush()} />}
        {deleteAction && (
          <span className="ml-auto">
            <DeleteDraftButton slug={slug} draftId={draft.id} action={deleteAction} />
          </span>
        )}
        {copyId && (
          <a className="text-sm text-brand-600 underline" href={`/${slug}/drafts/${copyId}`}>
            {t("conflict.copyMade")}
          </a>
        )}
      </div>
      <PresenceBanner slug={slug} draftId={draft.id} />
      {save.conflict && (
        <ConflictView
          mine={latest.current}
          theirs={save.conflict}
          bulletStyle={settings.bulletStyle}
          busy={busy}
          onKeepMine={() => save.resolve(save.conflict!.version, latest.current)}
          onTakeTheirs={() => {
            applyServer(save.conflict!);
            save.resolve(save.conflict!.version, null);
          }}
          onSaveCopy={() => void saveMineAsCopy(save.conflict!)}
        />
      )}
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_360px]">
        <div className="min-w-0 space-y-3">
          <TitleField
            value={title}
            limit={settings.titleLimit}
            disabled={!editable}
            onChange={(v) => {
              setTitle(v);
              push({ title: v });
            }}
            onBlur={() => void save.flush()}
          />
          <NoteEditor
            content={initial.doc}
            topics={topics}
            editable={editable}
            onEditor={onEditor}
            onChange={(d) => {
              setDoc(d);
              push({ doc: d });
            }}
            onBlur={() => void save.flush()}
          />
          <div className="flex flex-wrap gap-4 text-xs text-zinc-500">
            <span data-testid="body-count" className={length > settings.bodyLimit ? "font-semibold text-red-600" : undefined}>
              {t("editor.bodyCount", { n: length, limit: settings.bodyLimit })}
            </span>
            <span
              data-testid="topic-count"
              className={rendered.topics.length > settings.maxTopics ? "font-semibold text-red-600" : undefined}
            >
              {t("editor.topicCount", { n: rendered.topics.length, limit: settings.maxTopics })}
            </span>
          </div>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("images.title", { n: images.length, limit: settings.maxImages })}</h2>
            <ImagesPanel
              slug={slug}
              images={images}
              editable={editable}
              onChange={(next) => {
                setImages(next);
                push({ images: next });
              }}
            />
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("editor.accounts")}</h2>
            <div className="flex flex-wrap gap-2">
              {accounts.map((a) => (
                <label
                  key={a.id}
                  data-testid="account-choice"
                  className="flex items-center gap-1.5 rounded-full border border-zinc-200 px-3 py-1 text-sm dark:border-zinc-700"
                >
                  <input
                    type="checkbox"
                    disabled={!editable}
                    checked={accountIds.includes(a.id)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...accountIds, a.id] : accountIds.filter((x) => x !== a.id);
                      setAccountIds(next);
                      push({ accountIds: next });
                    }}
                  />
                  {a.name}
                </label>
              ))}
              {!accounts.length && <p className="text-sm text-zinc-500">{t("editor.noAccounts")}</p>}
            </div>
          </Card>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card className="p-4">
              <h2 className="mb-2 text-sm font-semibold">{t("review.title")}</h2>
              <ReviewPanel
                slug={slug}
                draftId={draft.id}
                status={status}
                abilities={abilities}
                beforeStep={() => save.flush()}
                onChanged={setStatus}
                formatTime={formatTime}
              />
            </Card>
            <Card className="p-4">
              <h2 className="mb-2 text-sm font-semibold">{t("history.title")}</h2>
              <HistoryPanel
                slug={slug}
                draftId={draft.id}
                version={save.version.current}
                refreshKey={historyKey * 1_000_000 + (save.saved?.version ?? 0)}
                onRestore={restore}
                formatTime={formatTime}
              />
            </Card>
          </div>
        </div>
        <aside className="space-y-4">
          <PhonePreview title={title} body={rendered.body} topics={rendered.topics} images={images} accounts={targets} />
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("checks.title")}</h2>
            <ChecksPanel checks={checks} />
          </Card>
          {abilities.canSchedule && (
            <Card className="p-4">
              <h2 className="mb-2 text-sm font-semibold">{t("confirm.title")}</h2>
              <ConfirmStep
                slug={slug}
                draftId={draft.id}
                title={title}
                topics={rendered.topics}
                checks={checks}
                accounts={targets}
                needsApproval={settings.approvalRequired && status !== "approved"}
                beforeConfirm={() => save.flush()}
              />
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
