/** next-intl: the request's locale (cookie, else Accept-Language, else zh-CN) and its messages. */
import { getRequestConfig } from "next-intl/server";
import { currentLocale } from "@/lib/next/session-context";
import { defaultTimezone } from "@/lib/workspaces/timezones";

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: defaultTimezone };
});
