/** Formats an instant in the workspace's time zone (default Asia/Shanghai). */
export function formatDateTime(value: Date | string | number, locale: string, timeZone = "Asia/Shanghai"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(value));
}
