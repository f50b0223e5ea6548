"use client";
/** Opens the browser's print dialog ("Save as PDF"). */
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function PrintButton() {
  const t = useTranslations("competitors.report");
  return (
    <Button onClick={() => window.print()} className="print:hidden" data-testid="print-report">
      {t("print")}
    </Button>
  );
}
