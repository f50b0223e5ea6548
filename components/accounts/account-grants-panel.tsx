"use client";
/** Per-account member grants: who may see and touch this account. */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

type Member = { memberId: string; name: string; role: string; accountScope: "all" | "granted"; granted: boolean };
type Props = { slug: string; accountId: string; members: Member[]; canGrant: boolean; bulkAction: WorkspaceActionFn };

export function AccountGrantsPanel({ slug, accountId, members, canGrant, bulkAction }: Props) {
  const t = useTranslations("matrix.detail");
  const tr = useTranslations("shell.roles");
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function toggle(m: Member) {
    startTransition(async () => {
      const r = await bulkAction(slug, { action: m.granted ? "revoke" : "grant", accountIds: [accountId], memberIds: [m.memberId] });
      setFailure(r.ok ? null : r);
      router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-500">{canGrant ? t("membersHint") : t("noMembersPermission")}</p>
      <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="account-grants">
        {members.map((m) => (
          <li key={m.memberId} className="flex items-center gap-2 py-1.5">
            <span className="flex-1">
              {m.name} <span className="text-xs text-zinc-500">{tr(m.role as "admin")}</span>
            </span>
            {m.accountScope === "all" ? (
              <Badge>{t("allScope")}</Badge>
            ) : (
              <Button size="sm" variant={m.granted ? "secondary" : "primary"} disabled={!canGrant || pending} onClick={() => toggle(m)}>
                {m.granted ? t("revoke") : t("grant")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ActionError failure={failure} />
    </div>
  );
}
