/** Publishers as the settings form needs them: localized names and the fields from each schema. */
import type { Locale } from "@/lib/errors/catalog";
import { describeConfigFields } from "./config-fields";
import { publishers } from "./registry";

export function publisherOptions(locale: Locale) {
  return publishers.map((p) => ({
    id: p.id,
    name: p.displayName[locale],
    description: p.description[locale],
    fields: describeConfigFields(p),
  }));
}
