/**
 * Context for writing a draft: the copilot gives a topic and, optionally, the account it writes
 * for and narrower scopes (user, agent, run, tags, `filter`). The account's name, tags and
 * persona notes join the topic in the retrieval text (so its audience facts and voice rank up),
 * and the account's memories join the pool while other accounts' stay out (retrieve-context.ts).
 * An account outside the caller's scope answers MEMORY_ACCOUNT_NOT_FOUND (404).
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import { getAccount, type AccountScope } from "@/lib/accounts/queries";
import { AppError } from "@/lib/errors/app-error";
import { filtersOf } from "../filters/memory-filter-schema";
import type { MemoryActor } from "../memory-access";
import { contextFilterFields, retrieveContext } from "./retrieve-context";

export const draftContextSchema = z
  .object({
    topic: z.string().trim().min(1).max(2_000),
    k: z.number().int().min(1).max(20).default(5),
    tokenBudget: z.number().int().min(20).max(8_000).default(800),
    ...contextFilterFields,
  })
  .strict();

export type DraftContextInput = z.input<typeof draftContextSchema>;

const personaChars = 600;

export async function retrieveDraftContext(db: Db, actor: MemoryActor, scope: AccountScope, raw: DraftContextInput) {
  const input = draftContextSchema.parse(raw);
  let context = input.topic;
  if (input.accountId) {
    const account = await getAccount(db, scope, input.accountId);
    if (!account) throw new AppError("MEMORY_ACCOUNT_NOT_FOUND", { details: { accountId: input.accountId } });
    context = [input.topic, account.name, account.tags.join(" "), account.personaNotes.slice(0, personaChars)].filter(Boolean).join("\n");
  }
  const result = await retrieveContext(db, actor, { ...filtersOf(input), context, k: input.k, tokenBudget: input.tokenBudget });
  return { ...result, tokenBudget: input.tokenBudget };
}
