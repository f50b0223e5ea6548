"use client";
/** Shows a value once (initial password, invite link, API token) with a copy button. */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "./alert";
import { Button } from "./button";

export function SecretReveal({ title, body, value }: { title: string; body: string; value: string }) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success" title={title}>
      <p>{body}</p>
      <div className="mt-2 flex items-center gap-2">
        <code
          data-testid="secret-value"
          className="min-w-0 flex-1 break-all rounded bg-white/70 px-2 py-1 font-mono text-xs dark:bg-black/30"
        >
          {value}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </Alert>
  );
}
