"use client";
/** Limits a member to some RED accounts, or gives them all of the workspace's. */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { MemberRow } from "@/lib/members/queries";

type Props = {
  member: Pick<MemberRow, "accountScope" | "grantedAccountIds" | "name">;
  accounts: { id: string; name: string }[];
  disabled: boolean;
  onSave: (scope: "all" | "granted", accountIds: string[]) => void;
};

export function AccountScopeEditor({ member, accounts, disabled, onSave }: Props) {
  const t = useTranslations("members");
  const [scope, setScope] = useState(member.accountScope);
  const [selected, setSelected] = useState(new Set(member.grantedAccountIds));
  const summary = member.accountScope === "all" ? t("allAccounts") : t("someAccounts", { count: member.grantedAccountIds.length });

  return (
    <details className="group">
      <summary className="cursor-pointer text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400">{summary}</summary>
      <div className="mt-2 w-64 space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
        <p className="text-xs font-medium">{t("scopeTitle")}</p>
        {(["all", "granted"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" checked={scope === value} onChange={() => setScope(value)} className="accent-brand-500" />
            {value === "all" ? t("scopeAll") : t("scopeGranted")}
          </label>
        ))}
        {scope === "granted" && (
          <div className="max-h-40 space-y-1 overflow-y-auto pl-5">
            {accounts.map((a) => (
              <label key={a.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={selected.has(a.id)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(a.id);
                    else next.delete(a.id);
                    setSelected(next);
                  }}
                  className="accent-brand-500"
                />
                {a.name}
              </label>
            ))}
          </div>
        )}
        <Button size="sm" disabled={disabled} onClick={() => onSave(scope, scope === "granted" ? [...selected] : [])}>
          {t("saveScope")}
        </Button>
      </div>
    </details>
  );
}
