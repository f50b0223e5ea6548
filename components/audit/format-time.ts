/** Formats an instant in the workspace's time zone (default Asia/Shanghai). */
import { defaultTimezone } from "@/lib/workspaces/timezones";

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat costs far more than using one: a 100-row table would build hundreds per render.
function formatterFor(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(value: Date | string | number, locale: string, timeZone = defaultTimezone): string {
  return formatterFor(locale, timeZone).format(new Date(value));
}
