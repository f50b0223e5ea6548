"use client";
/** A button that asks before doing something destructive (native <dialog>: Esc cancels, focus is trapped). */
import { useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";

type Props = { label: ReactNode; message: string; confirmLabel?: string; onConfirm: () => void; disabled?: boolean };

export function ConfirmButton({ label, message, confirmLabel, onConfirm, disabled }: Props) {
  const t = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button variant="secondary" size="sm" disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <div className="p-5">
          <p className="text-sm leading-relaxed">{message}</p>
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                dialog.current?.close();
                onConfirm();
              }}
            >
              {confirmLabel ?? t("confirm")}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
