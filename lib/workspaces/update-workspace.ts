/** Workspace-wide settings an admin changes: name, time zone, default language. */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { localeSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors/app-error";
import { isValidTimezone } from "./timezones";

export const updateWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    timezone: z.string().refine(isValidTimezone, "Unknown time zone"),
    locale: localeSchema,
  })
  .strict();

export async function updateWorkspace(db: Db, ctx: WorkspaceContext, input: z.infer<typeof updateWorkspaceSchema>) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
    if (!before) throw new AppError("NOT_FOUND");
    const [after] = await tx.update(workspaces).set(input).where(eq(workspaces.id, ctx.workspaceId)).returning();
    await recordAudit(tx, ctx, {
      action: "workspace.update",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before: { name: before.name, timezone: before.timezone, locale: before.locale },
      after: input,
    });
    return after;
  });
}
