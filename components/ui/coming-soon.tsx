import { Hammer } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "./empty-state";
import { PageHeader } from "./page-header";

/** An honest placeholder for a section that has not landed yet: no made-up data. */
export async function ComingSoon({ section }: { section: "drafts" | "calendar" | "competitors" | "planning" | "memories" }) {
  const [t, nav] = await Promise.all([getTranslations("empty"), getTranslations("nav")]);
  return (
    <>
      <PageHeader title={nav(section)} />
      <EmptyState icon={<Hammer className="size-8" />} title={t("notYetTitle", { section: t(section) })} body={t("notYetBody")} />
    </>
  );
}
