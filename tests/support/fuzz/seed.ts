/**
 * Real objects for the fuzzer to aim at: the fuzzing workspace ("own") and a second workspace
 * ("foreign") each get an account, drafts, a folder, a comment, a memory, a competitor, an
 * import run, a notification channel, a sacrificial member and token. Created through the real
 * routes with ordinary valid bodies; any id a later 2xx answer carries joins the pool too.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { callRoute } from "../call-route";
import { setUpOtherWorkspace, setUpWorkspace } from "../fixtures";
import type { RouteTarget } from "./targets";

export type Workspace = { workspaceId: string; userId: string; slug: string; token: string; tokenId: string };
export type Seeded = { own: Workspace; foreign: Workspace; ownIds: string[]; foreignIds: string[]; ownByResource: Record<string, string> };

const fixtures = path.resolve(__dirname, "../../fixtures/mediacrawler");
export const importCsv = fs.readFileSync(path.join(fixtures, "xhs_notes.csv"), "utf8");

export async function seedWorkspaces(db: Db, routes: RouteTarget[]): Promise<Seeded> {
  const setup = await setUpWorkspace(db);
  const ownToken = await createApiToken(db, setup.admin, { name: "fuzz", permissions: [...setup.admin.permissions], expiresInDays: 1 });
  const own: Workspace = {
    workspaceId: setup.workspaceId,
    userId: setup.userId,
    slug: setup.slug,
    token: ownToken.token,
    tokenId: ownToken.id,
  };

  const other = await setUpOtherWorkspace(db, "foreign-brand");
  const foreign: Workspace = {
    workspaceId: other.workspaceId,
    userId: other.userId,
    slug: other.slug,
    token: other.token,
    tokenId: other.tokenId,
  };

  const ownByResource: Record<string, string> = {};
  const ownIds = await seedObjects(routes, own, "o", ownByResource);
  return { own, foreign, ownIds, foreignIds: await seedObjects(routes, foreign, "f", {}), ownByResource };
}

export async function sessionVersionOf(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row.sv;
}

/** Every string under a key named `id` or ending in `Id` (two levels deep), from a JSON answer. */
export function idsIn(json: unknown, out: string[] = [], depth = 0): string[] {
  if (!json || typeof json !== "object" || depth > 3) return out;
  for (const [k, v] of Object.entries(json)) {
    if (typeof v === "string" && (k === "id" || /Id$/.test(k)) && v.length < 80) out.push(v);
    else if (v && typeof v === "object") idsIn(v, out, depth + 1);
  }
  return out;
}

/** `byResource` gets the first id each resource's POST answered (e.g. "drafts" -> a draft id). */
async function seedObjects(routes: RouteTarget[], ws: Workspace, tag: string, byResource: Record<string, string>): Promise<string[]> {
  const byId = new Map(routes.map((r) => [r.id, r]));
  const ids: string[] = [];
  const call = async (
    id: string,
    options: {
      params?: Record<string, string>;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      search?: Record<string, string>;
    } = {},
  ) => {
    const route = byId.get(id);
    if (!route) throw new Error(`seed: no route ${id}`);
    const res = await callRoute(route.handler, "/api/v1/seed", { method: route.method, token: ws.token, ...options });
    if (res.status >= 300) throw new Error(`seed: ${id} answered ${res.status}: ${res.text.slice(0, 300)}`);
    const found = idsIn(res.json);
    ids.push(...found);
    const resource = route.path.split("/")[1];
    if (route.method === "POST" && route.params.length === 0 && found[0]) byResource[resource] ??= found[0];
    return res.json;
  };
  const account = await call("POST /accounts", { body: { name: `种子号${tag}`, redId: `seed_${tag}` } });
  const accountId = account.account?.id ?? account.id;
  const draft = await call("POST /drafts", {
    body: { title: "种子草稿", text: "第一段\n第二段", accountIds: [accountId], tags: ["种子"] },
  });
  const draftId = draft.draft?.id ?? draft.id;
  await call("POST /drafts", { body: { title: "second", text: "x" } });
  // A publish batch and its job (ids for /publish-jobs and /publish-batches), a week ahead.
  const runAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  await call("POST /drafts/{id}/schedule", {
    params: { id: draftId },
    body: { accountIds: [accountId], runAt, acknowledged: ["no_topics", "no_images", "no_cover"] },
  }).catch(() => undefined); // refused until the draft has an image and approval: ids come from the pool then
  await call("POST /drafts/{id}/comments", { params: { id: draftId }, body: { body: "评论" } });
  await call("GET /drafts/{id}/revisions", { params: { id: draftId } });
  await call("POST /draft-folders", { body: { name: `文件夹${tag}` } });
  await call("POST /memories", { body: { content: "品牌调性：温柔真诚", tags: ["品牌"] } });
  await call("POST /competitors", { body: { name: `对手${tag}`, redUserId: `rival_${tag}` } });
  await call("POST /competitor-imports", {
    rawBody: importCsv,
    headers: { "content-type": "text/csv" },
    search: { fileName: "seed.csv", runId: `imp_seed${tag}run0001` },
  });
  await call("POST /notification-channels", {
    body: { kind: "dingtalk", name: "钉钉", config: { webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=seed" } },
  }).catch(() => undefined);
  await call("POST /members", { body: { email: `sacrifice-${tag}@example.com`, name: "可删成员", role: "guest" } });
  await call("POST /tokens", { body: { name: "sacrificial", permissions: ["accounts.read"] } });
  await call("GET /notifications").catch(() => undefined);
  return [...new Set(ids)];
}
