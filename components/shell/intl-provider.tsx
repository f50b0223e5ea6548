"use client";
/**
 * The client side of next-intl with the messages bundled into the client code, not sent in
 * every page: next-intl's server provider would serialize the whole catalogue (~40 KB) into the
 * RSC payload of each full page load, and the server would pay for that on every request.
 * Here a page carries only the locale; the catalogues come with the (cached) JavaScript.
 */
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/errors/catalog";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

const catalogues: Record<Locale, typeof zhCN> = { "zh-CN": zhCN, en };

export function IntlProvider({ locale, timeZone, children }: { locale: Locale; timeZone: string; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={catalogues[locale]}>
      {children}
    </NextIntlClientProvider>
  );
}
