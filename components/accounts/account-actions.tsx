"use client";
/** Per-account status actions: pause / resume, Test connection (with its answer), archive. */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

type Props = {
  slug: string;
  accountId: string;
  status: string;
  patch: WorkspaceActionFn<{ id: string; status: string }>;
  checkConnection: WorkspaceActionFn<{ ok: boolean; code: string; message: string; status: string }>;
};

export function AccountActions({ slug, accountId, status, patch, checkConnection }: Props) {
  const t = useTranslations("matrix.detail");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const th = useTranslations("matrix.health");
  const [check, setCheck] = useState<{ ok: boolean; code: string; message: string } | null>(null);

  function run(fn: () => Promise<{ ok: boolean } & ({ ok: true } | ActionFailure)>, after?: () => void) {
    startTransition(async () => {
      const r = await fn();
      setFailure(r.ok ? null : (r as ActionFailure));
      if (r.ok) {
        after?.();
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {status === "paused" ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => run(() => patch(slug, { id: accountId, patch: { status: "active" } }))}
          >
            {t("resume")}
          </Button>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => run(() => patch(slug, { id: accountId, patch: { status: "paused" } }))}
          >
            {t("pause")}
          </Button>
        )}
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          data-testid="test-connection"
          onClick={() =>
            startTransition(async () => {
              setCheck(null);
              const r = await checkConnection(slug, { id: accountId });
              setFailure(r.ok ? null : r);
              if (r.ok) setCheck({ ok: r.data.ok, code: r.data.code, message: r.data.message });
              router.refresh();
            })
          }
        >
          {pending ? t("testing") : t("testConnection")}
        </Button>
        <ConfirmButton
          label={t("archive")}
          message={t("archiveConfirm")}
          disabled={pending}
          onConfirm={() =>
            run(
              () => patch(slug, { id: accountId, patch: { archived: true } }),
              () => router.push(`/${slug}/accounts`),
            )
          }
        />
      </div>
      {check && (
        <div data-testid="connection-result">
          <Alert tone={check.ok ? "success" : "error"} title={th(check.code as "ok")}>
            {check.message}
          </Alert>
        </div>
      )}
      <ActionError failure={failure} />
    </div>
  );
}
