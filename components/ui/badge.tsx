import type { ReactNode } from "react";

/** Tones are component classes in app/globals.css (`.badge-<tone>`): short, since tables repeat them. */
export type BadgeTone = "gray" | "green" | "amber" | "red" | "brand";

export function Badge({ tone = "gray", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
