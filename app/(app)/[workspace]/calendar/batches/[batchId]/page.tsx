import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { BatchProgress } from "@/components/scheduling/batch-progress";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { requirePageContext } from "@/lib/next/session-context";
import { getBatch } from "@/lib/scheduling/batch-progress";
import { workspaceTimezone } from "@/lib/workspaces/queries";

export const metadata = { title: "Batch" };

export default async function BatchPage({ params }: { params: Promise<{ workspace: string; batchId: string }> }) {
  const { workspace, batchId } = await params;
  const ctx = await requirePageContext(workspace);
  if (!can(ctx, "schedules.read")) return <Forbidden />;
  const db = getDb();
  const batch = await getBatch(db, ctx, batchId).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("calendar.batch");
  return (
    <>
      <PageHeader title={t("title")} subtitle={batch.title} />
      <BatchProgress
        slug={ctx.workspaceSlug}
        initial={{ ...batch, jobs: batch.jobs.map((j) => ({ ...j, runAt: j.runAt.toISOString() })) }}
        timezone={await workspaceTimezone(db, ctx.workspaceId)}
        canWrite={can(ctx, "schedules.write")}
      />
    </>
  );
}
