import { ShieldOff } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "./empty-state";

export async function Forbidden() {
  const t = await getTranslations("common");
  return <EmptyState icon={<ShieldOff className="size-8" />} title={t("forbiddenTitle")} body={t("forbiddenBody")} />;
}
