"use client";
/** The workspace's notification channels: status, last result, enable/disable, edit, delete, send test. */
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ChannelView } from "@/lib/notifications/channels/channel-settings";
import type { ActionFailure, ActionResult, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { ChannelForm } from "./channel-form";

export type ChannelActions = {
  create: WorkspaceActionFn;
  update: WorkspaceActionFn;
  remove: WorkspaceActionFn;
  test: WorkspaceActionFn<{ ok: boolean; error?: string }>;
};

type Props = { slug: string; channels: ChannelView[]; actions: ChannelActions };

export function ChannelList({ slug, channels, actions }: Props) {
  const t = useTranslations("channels");
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [tests, setTests] = useState<Record<string, { ok: boolean; error?: string } | "pending">>({});
  const [pending, startTransition] = useTransition();

  const run = (fn: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const result = await fn();
      setFailure(result.ok ? null : result);
      router.refresh();
    });
  const sendTest = (id: string) => {
    setTests((s) => ({ ...s, [id]: "pending" }));
    startTransition(async () => {
      const result = await actions.test(slug, { id });
      setTests((s) => ({ ...s, [id]: result.ok ? result.data : { ok: false, error: result.message } }));
      router.refresh();
    });
  };
  const done = () => {
    setEditing(null);
    router.refresh();
  };
  const when = (d: Date | null) => (d ? format.dateTime(new Date(d), { dateStyle: "short", timeStyle: "short" }) : "");

  if (editing === "new") return <ChannelForm slug={slug} create={actions.create} update={actions.update} onDone={done} />;
  const current = channels.find((c) => c.id === editing);
  if (current) return <ChannelForm slug={slug} channel={current} create={actions.create} update={actions.update} onDone={done} />;

  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <p className="max-w-2xl text-sm text-zinc-500">{t("intro")}</p>
        {channels.length > 0 && <Button onClick={() => setEditing("new")}>{t("add")}</Button>}
      </div>
      <ActionError failure={failure} />
      {channels.length === 0 && (
        <EmptyState title={t("empty")} body={t("emptyHint")} action={<Button onClick={() => setEditing("new")}>{t("add")}</Button>} />
      )}
      <ul className="space-y-3">
        {channels.map((c) => {
          const test = tests[c.id];
          return (
            <li key={c.id}>
              <Card className="space-y-3 p-4" aria-label={c.name}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{c.name}</span>
                  <Badge tone="brand">{t(`kinds.${c.kind}`)}</Badge>
                  <Badge tone={c.enabled ? "green" : "gray"}>{c.enabled ? t("enabledBadge") : t("disabledBadge")}</Badge>
                  {c.events.map((ev) => (
                    <Badge key={ev}>{t(`events.${ev as "publish_failed"}`)}</Badge>
                  ))}
                  {c.secretsSet.map((s) => (
                    <span key={s} className="text-xs text-zinc-500">
                      {t(`fields.${s as "key"}`)}: {t("secretSet")}
                    </span>
                  ))}
                </div>
                <p className="text-xs text-zinc-500">
                  {c.lastResult === "ok"
                    ? t("lastOk", { time: when(c.lastSentAt) })
                    : c.lastResult === "error"
                      ? t("lastError", { time: when(c.lastSentAt), error: c.lastError ?? "" })
                      : t("neverSent")}
                </p>
                <div className="flex flex-wrap gap-2">
                  <Button size="sm" disabled={pending} onClick={() => sendTest(c.id)}>
                    {test === "pending" ? t("sending") : t("sendTest")}
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setEditing(c.id)}>
                    {t("edit")}
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() => run(() => actions.update(slug, { id: c.id, enabled: !c.enabled }))}
                  >
                    {c.enabled ? t("disable") : t("enable")}
                  </Button>
                  <ConfirmButton
                    label={t("delete")}
                    message={t("deleteConfirm", { name: c.name })}
                    confirmLabel={t("delete")}
                    disabled={pending}
                    onConfirm={() => run(() => actions.remove(slug, { id: c.id }))}
                  />
                </div>
                {test &&
                  test !== "pending" &&
                  (test.ok ? (
                    <Alert tone="success">{t("testOk")}</Alert>
                  ) : (
                    <Alert tone="error">{t("testFailed", { error: test.error ?? "" })}</Alert>
                  ))}
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
