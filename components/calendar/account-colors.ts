/** A stable colour per account, so the same account looks the same on every calendar page. */
const palette = [
  "bg-rose-100 text-rose-900 border-rose-400 dark:bg-rose-950 dark:text-rose-100",
  "bg-sky-100 text-sky-900 border-sky-400 dark:bg-sky-950 dark:text-sky-100",
  "bg-amber-100 text-amber-900 border-amber-400 dark:bg-amber-950 dark:text-amber-100",
  "bg-emerald-100 text-emerald-900 border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100",
  "bg-violet-100 text-violet-900 border-violet-400 dark:bg-violet-950 dark:text-violet-100",
  "bg-orange-100 text-orange-900 border-orange-400 dark:bg-orange-950 dark:text-orange-100",
  "bg-teal-100 text-teal-900 border-teal-400 dark:bg-teal-950 dark:text-teal-100",
  "bg-fuchsia-100 text-fuchsia-900 border-fuchsia-400 dark:bg-fuchsia-950 dark:text-fuchsia-100",
];

export function accountColor(accountId: string): string {
  let hash = 0;
  for (const ch of accountId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length];
}
