/**
 * Bulk import of accounts from CSV. Header names the columns (name, redId required; groups,
 * tags, postingSlots take `|`-separated values). Every row is validated first: duplicates in
 * the file or the workspace, bad slots, caps... Any error -> nothing is imported and each
 * problem is reported with its row number. Imported accounts use the sandbox publisher.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError, fieldErrorsOf } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { parseCsv } from "@/lib/csv/parse-csv";
import { createAccountSchema, type CreateAccountInput } from "./account-schema";

export const importAccountsSchema = z.object({ csv: z.string().min(1).max(500_000), dryRun: z.boolean().default(false) }).strict();
export const importColumns = [
  "name",
  "redId",
  "groups",
  "tags",
  "bio",
  "personaNotes",
  "timezone",
  "dailyPostCap",
  "minSpacingMinutes",
  "postingSlots",
  "avatarUrl",
] as const;
const listColumns = new Set(["groups", "tags", "postingSlots"]);
const numberColumns = new Set(["dailyPostCap", "minSpacingMinutes"]);
const maxRows = 500;

export type ImportProblem = { row: number; field: string; message: string };
export type ImportResult = { rows: number; imported: number; problems: ImportProblem[]; accounts: { redId: string; name: string }[] };

function rowInput(header: string[], cells: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  header.forEach((col, i) => {
    const raw = (cells[i] ?? "").trim();
    if (raw === "") return;
    if (listColumns.has(col))
      input[col] = raw
        .split("|")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (numberColumns.has(col)) input[col] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else input[col] = raw;
  });
  return input;
}

export async function importAccounts(
  db: Db,
  ctx: WorkspaceContext,
  csv: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const [headerRow, ...body] = parseCsv(csv);
  const header = (headerRow ?? []).map((h) => h.trim());
  const unknown = header.filter((h) => !(importColumns as readonly string[]).includes(h));
  if (!header.includes("name") || !header.includes("redId") || unknown.length) {
    throw new AppError("VALIDATION_FAILED", {
      fieldErrors: {
        csv: [
          `The header needs name and redId; allowed: ${importColumns.join(", ")}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`,
        ],
      },
    });
  }
  if (body.length > maxRows) throw new AppError("VALIDATION_FAILED", { fieldErrors: { csv: [`At most ${maxRows} rows per import`] } });

  const problems: ImportProblem[] = [];
  const valid: { row: number; input: CreateAccountInput }[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2; // 1-based, after the header: what a spreadsheet shows
    const parsed = createAccountSchema.safeParse(rowInput(header, cells));
    if (!parsed.success) {
      for (const [field, messages] of Object.entries(fieldErrorsOf(parsed.error)))
        problems.push({ row, field, message: messages.join("; ") });
      return;
    }
    const key = parsed.data.redId.toLowerCase();
    if (seen.has(key)) problems.push({ row, field: "redId", message: `Same RED id as row ${seen.get(key)}` });
    else seen.set(key, row);
    valid.push({ row, input: parsed.data });
  });
  const ids = valid.map((v) => v.input.redId);
  const taken = ids.length
    ? await db
        .select({ redId: accounts.redId })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, ctx.workspaceId), inArray(accounts.redId, ids)))
    : [];
  for (const t of taken)
    problems.push({
      row: valid.find((v) => v.input.redId === t.redId)!.row,
      field: "redId",
      message: "This RED id is already in the workspace",
    });
  problems.sort((a, b) => a.row - b.row);

  const result: ImportResult = {
    rows: body.length,
    imported: 0,
    problems,
    accounts: valid.map((v) => ({ redId: v.input.redId, name: v.input.name })),
  };
  if (problems.length || options.dryRun || valid.length === 0) return result;
  await db.transaction(async (tx) => {
    for (const { input } of valid) {
      const id = newId("acc");
      await tx.insert(accounts).values({ ...input, id, workspaceId: ctx.workspaceId, publisherId: "sandbox", publisherConfig: {} });
      await recordAudit(tx, ctx, { action: "accounts.create", targetType: "account", targetId: id, after: { ...input, via: "csv" } });
    }
  });
  return { ...result, imported: valid.length };
}
