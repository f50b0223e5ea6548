/**
 * A scheduled collection run (called by the signed webhook): every competitor of the workspace
 * that has an xsec token (through the data bridge, when one is configured), then every own
 * account that has a bridge (its own xhs-bridge, or the data bridge logged in as it), one after
 * another. One failure does not stop the run; each outcome lands in its collection status.
 */
import { asc } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { workspaces } from "@/db/schema";
import { listAccounts } from "@/lib/accounts/queries";
import { listCompetitors } from "../queries/competitor-queries";
import { toAppError } from "@/lib/errors/app-error";
import { collectCompetitor } from "./collect-competitor";
import { collectOwnAccount, ownAccountBridge } from "./collect-own-account";
import type { DataBridgeClient } from "./data-bridge-client";
import { idSchema } from "@/lib/validation/id-schema";

const ids = z.array(idSchema).max(500).optional();
/** Without a workspaceId (the periodic call every 6 hours), every workspace is collected in turn. */
export const collectionWebhookSchema = z.object({ workspaceId: idSchema.optional(), competitorIds: ids, accountIds: ids }).strict();
type CollectionInput = z.infer<typeof collectionWebhookSchema>;

type Outcome = { ok: boolean; notes?: number; error?: string };

export async function runScheduledCollection(
  db: Db,
  input: CollectionInput,
  dataBridge: DataBridgeClient | null,
  o: { pauseMs?: number } = {},
) {
  if (input.workspaceId) return { workspaces: [await collectWorkspace(db, { ...input, workspaceId: input.workspaceId }, dataBridge, o)] };
  const all = await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.createdAt));
  const runs = [];
  for (const w of all) runs.push(await collectWorkspace(db, { workspaceId: w.id }, dataBridge, o));
  return { workspaces: runs };
}

async function collectWorkspace(
  db: Db,
  input: CollectionInput & { workspaceId: string },
  dataBridge: DataBridgeClient | null,
  o: { pauseMs?: number },
) {
  const actor = { workspaceId: input.workspaceId, userId: "system:collector", userName: "定时采集 / scheduled collection" };
  const competitors = dataBridge
    ? (await listCompetitors(db, input.workspaceId)).filter(
        (c) => c.xsecToken && (!input.competitorIds || input.competitorIds.includes(c.id)),
      )
    : [];
  const accounts = (await listAccounts(db, { workspaceId: input.workspaceId, accountIds: null })).filter(
    (a) => (!input.accountIds || input.accountIds.includes(a.id)) && ownAccountBridge(a, dataBridge),
  );
  const pause = () => (o.pauseMs ? new Promise((r) => setTimeout(r, o.pauseMs)) : undefined); // gentle with RED: back-to-back reads get throttled
  const attempt = async (run: () => Promise<{ notesIngested: number }>): Promise<Outcome> => {
    try {
      return { ok: true, notes: (await run()).notesIngested };
    } catch (error) {
      return { ok: false, error: toAppError(error).code };
    } finally {
      await pause();
    }
  };
  const results: ({ competitorId: string } & Outcome)[] = [];
  for (const c of competitors)
    results.push({
      competitorId: c.id,
      ...(await attempt(() => collectCompetitor(db, actor, c.id, dataBridge!, { skipRateLimit: true }))),
    });
  const accountResults: ({ accountId: string } & Outcome)[] = [];
  for (const a of accounts)
    accountResults.push({
      accountId: a.id,
      ...(await attempt(() => collectOwnAccount(db, actor, a.id, dataBridge, { skipRateLimit: true }))),
    });
  const succeeded = [...results, ...accountResults].filter((r) => r.ok).length;
  return { workspaceId: input.workspaceId, competitors: competitors.length, accounts: accounts.length, succeeded, results, accountResults };
}
