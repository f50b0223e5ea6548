"use client";
/** Members with inline role changes, deactivation (confirmed), and account access per member. */
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/audit/format-time";
import { ActionError } from "@/components/ui/action-error";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { roles } from "@/lib/auth/permissions";
import type { MemberRow } from "@/lib/members/queries";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { AccountScopeEditor } from "./account-scope-editor";

type Props = {
  slug: string;
  selfMemberId: string;
  members: Omit<MemberRow, "createdAt">[];
  invites: { id: string; email: string; name: string; role: string; expiresAt: string }[];
  accounts: { id: string; name: string }[];
  action: WorkspaceActionFn;
};

export function MembersTable({ slug, selfMemberId, members, invites, accounts, action }: Props) {
  const t = useTranslations("members");
  const tShell = useTranslations("shell");
  const locale = useLocale();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  const update = (memberId: string, changes: Record<string, unknown>) =>
    startTransition(async () => {
      const result = await action(slug, { memberId, ...changes });
      setFailure(result.ok ? null : result);
    });

  return (
    <div className="space-y-4">
      <ActionError failure={failure} />
      <Card className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="members-table" aria-busy={pending}>
          <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
            <tr>
              <th className="px-4 py-2.5 font-medium">{t("name")}</th>
              <th className="px-4 py-2.5 font-medium">{t("role")}</th>
              <th className="px-4 py-2.5 font-medium">{t("status")}</th>
              <th className="px-4 py-2.5 font-medium">{t("accounts")}</th>
              <th className="px-4 py-2.5" />
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {members.map((m) => (
              <tr key={m.id} data-testid={`member-${m.email}`}>
                <td className="px-4 py-2.5">
                  <p className="font-medium">
                    {m.name} {m.id === selfMemberId && <span className="text-xs text-zinc-400">{t("you")}</span>}
                  </p>
                  <p className="text-xs text-zinc-500">{m.email}</p>
                </td>
                <td className="px-4 py-2.5">
                  <select
                    aria-label={`${t("role")} ${m.name}`}
                    value={m.role}
                    disabled={pending}
                    onChange={(e) => update(m.id, { role: e.target.value })}
                    className="rounded-md border border-zinc-200 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {tShell(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-4 py-2.5">
                  <Badge tone={m.status === "active" ? "green" : "gray"}>{t(m.status)}</Badge>
                </td>
                <td className="px-4 py-2.5">
                  <AccountScopeEditor
                    member={m}
                    accounts={accounts}
                    disabled={pending}
                    onSave={(accountScope, accountIds) => update(m.id, { accountScope, accountIds })}
                  />
                </td>
                <td className="px-4 py-2.5 text-right">
                  {m.id !== selfMemberId &&
                    (m.status === "active" ? (
                      <ConfirmButton
                        label={t("deactivate")}
                        message={t("deactivateConfirm", { name: m.name })}
                        confirmLabel={t("deactivate")}
                        disabled={pending}
                        onConfirm={() => update(m.id, { status: "deactivated" })}
                      />
                    ) : (
                      <button
                        type="button"
                        className="text-sm text-brand-600 hover:underline"
                        onClick={() => update(m.id, { status: "active" })}
                      >
                        {t("reactivate")}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {invites.length > 0 && (
        <Card className="p-5">
          <h3 className="mb-2 text-sm font-semibold">{t("pendingInvites")}</h3>
          <ul className="space-y-1 text-sm">
            {invites.map((i) => (
              <li key={i.id} className="flex flex-wrap gap-x-3 text-zinc-600 dark:text-zinc-400">
                <span>{i.email}</span>
                <span>{tShell(`roles.${i.role}`)}</span>
                <span className="text-xs">
                  {t("expires")} {formatDateTime(i.expiresAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
