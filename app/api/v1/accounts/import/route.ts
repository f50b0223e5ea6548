import { importAccounts, importAccountsSchema } from "@/lib/accounts/import-accounts";
import { AppError } from "@/lib/errors/app-error";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace(
  async ({ ctx, db, body }) => {
    const result = await importAccounts(db, ctx, body.csv, { dryRun: body.dryRun });
    if (result.problems.length) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of result.problems) (fieldErrors[`rows.${p.row}.${p.field}`] ??= []).push(p.message);
      throw new AppError("VALIDATION_FAILED", { fieldErrors });
    }
    return Response.json(result, { status: result.imported ? 201 : 200 });
  },
  { permission: "accounts.manage", body: importAccountsSchema, maxBodyBytes: 600_000 },
);
