/**
 * What the hostile-input suite calls: every method exported by every `app/api/v1/**\/route.ts`
 * (found on disk, so operations missing from the OpenAPI document are covered too), with the
 * document's request schemas where it has them; and every function exported by every
 * `app/(app)/**\/actions.ts`, with the request schema of the API operation doing the same job.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { rangeQuerySchema } from "@/lib/analytics/queries/range-params";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { batchPlanSchema } from "@/lib/scheduling/plan-batch";
import { scheduleDraftSchema } from "@/lib/scheduling/schedule-draft";

const root = path.resolve(__dirname, "../../..");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof methods)[number];

type Handler = (req: any, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type JsonSchema = Record<string, any>;

export type RouteTarget = {
  kind: "route";
  /** e.g. "PATCH /drafts/{id}" (the OpenAPI spelling, relative to /api/v1). */
  id: string;
  method: Method;
  path: string;
  file: string;
  params: string[];
  handler: Handler;
  inOpenApi: boolean;
  body?: JsonSchema;
  queryKeys: string[];
  query?: JsonSchema;
};

export type ActionTarget = {
  kind: "action";
  /** e.g. "accounts/createAccountAction". */
  id: string;
  /** The page the action belongs to, with the workspace segment left to fill. */
  page: string;
  file: string;
  fn: (...args: unknown[]) => Promise<unknown>;
  /** The request schema of the API operation taking the same input, when there is one. */
  input?: JsonSchema;
};

export type Target = RouteTarget | ActionTarget;

/** Operations the OpenAPI document does not list yet, with the zod schemas their routes validate with. */
const undocumented: Record<string, { body?: z.ZodType; query?: z.ZodType }> = {
  "POST /drafts/{id}/schedule": { body: scheduleDraftSchema },
  "POST /drafts/{id}/schedule/preview": { body: batchPlanSchema },
  "GET /competitor-reports/csv": { query: rangeQuerySchema },
};
const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

function walk(dir: string, name: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, name, out);
    else if (entry.name === name) out.push(full);
  }
  return out.sort();
}

function openApiPaths() {
  return buildOpenApiDocument("http://localhost:3000").paths as Record<string, Record<string, any>>;
}

export async function routeTargets(): Promise<RouteTarget[]> {
  const apiRoot = path.join(root, "app/api/v1");
  const doc = openApiPaths();
  const targets: RouteTarget[] = [];
  for (const file of walk(apiRoot, "route.ts")) {
    const dir = path.relative(apiRoot, path.dirname(file)).split(path.sep).join("/");
    const apiPath = `/${dir}`.replace(/\[(\w+)\]/g, "{$1}");
    if (apiPath === "/openapi.json") continue; // the document itself: no input
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of methods) {
      const handler = mod[method];
      if (typeof handler !== "function") continue;
      const op = doc[apiPath]?.[method.toLowerCase()];
      const extra = undocumented[`${method} ${apiPath}`];
      const extraQuery = extra?.query ? Object.entries(jsonSchema(extra.query).properties ?? {}).map(([name, schema]) => ({ name, in: "query", schema: schema as JsonSchema })) : [];
      const queryParams = [...((op?.parameters ?? []) as { name: string; in: string; schema: JsonSchema }[]), ...extraQuery].filter((p) => p.in === "query");
      targets.push({
        kind: "route",
        id: `${method} ${apiPath}`,
        method,
        path: apiPath,
        file: path.relative(root, file),
        params: [...apiPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        handler: handler as Handler,
        inOpenApi: Boolean(op),
        body: op?.requestBody?.content?.["application/json"]?.schema ?? (extra?.body ? jsonSchema(extra.body) : undefined),
        queryKeys: queryParams.map((p) => p.name),
        query: queryParams.length
          ? { type: "object", properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])), required: [] }
          : undefined,
      });
    }
  }
  return targets;
}

/** Action name -> [method, path] of the API operation with the same input (or one nested under `key`). */
const actionInputs: Record<string, { op: [string, string]; key?: string; withId?: boolean }> = {
  createAccountAction: { op: ["post", "/accounts"] },
  patchAccountAction: { op: ["patch", "/accounts/{id}"], key: "patch", withId: true },
  bulkAccountsAction: { op: ["post", "/accounts/bulk"] },
  importAccountsAction: { op: ["post", "/accounts/import"] },
  createCompetitorAction: { op: ["post", "/competitors"] },
  createMemberAction: { op: ["post", "/members"] },
  updateMemberAction: { op: ["patch", "/members/{id}"], withId: true },
  createTokenAction: { op: ["post", "/tokens"] },
  createDraftAction: { op: ["post", "/drafts"] },
  createFolderAction: { op: ["post", "/draft-folders"] },
  createMemoryAction: { op: ["post", "/memories"] },
  updateMemoryAction: { op: ["put", "/memories/{id}"], withId: true },
  cleanupMemoriesAction: { op: ["post", "/memories/cleanup"] },
  compressMemoriesAction: { op: ["post", "/memories/compress"] },
  updateMemoryConfigAction: { op: ["put", "/memories/config"] },
  updateAiSettingsAction: { op: ["put", "/memories/providers"] },
  resumeReembedAction: { op: ["post", "/memories/reembed"] },
  saveNoteSettingsAction: { op: ["put", "/note-settings"] },
  createChannelAction: { op: ["post", "/notification-channels"] },
  updateChannelAction: { op: ["patch", "/notification-channels/{id}"], withId: true },
};

function actionInputSchema(name: string, doc: Record<string, Record<string, any>>): JsonSchema | undefined {
  const spec = actionInputs[name];
  if (!spec) return undefined;
  const body = doc[spec.op[1]]?.[spec.op[0]]?.requestBody?.content?.["application/json"]?.schema as JsonSchema | undefined;
  if (!body) return undefined;
  const { $defs, ...inner } = body;
  const shaped: JsonSchema = spec.key
    ? { type: "object", properties: { [spec.key]: inner }, required: [spec.key] }
    : { ...inner };
  if (spec.withId) {
    shaped.properties = { id: { type: "string", minLength: 1, maxLength: 64 }, ...shaped.properties };
    shaped.required = ["id", ...(shaped.required ?? [])];
  }
  return { ...shaped, $defs };
}

export async function actionTargets(): Promise<ActionTarget[]> {
  const appRoot = path.join(root, "app/(app)/[workspace]");
  const doc = openApiPaths();
  const targets: ActionTarget[] = [];
  for (const file of walk(appRoot, "actions.ts")) {
    const area = path.relative(appRoot, path.dirname(file)).split(path.sep).join("/");
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== "function") continue;
      targets.push({
        kind: "action",
        id: `${area}/${name}`,
        page: `/${area}`,
        file: path.relative(root, file),
        fn: fn as ActionTarget["fn"],
        input: actionInputSchema(name, doc),
      });
    }
  }
  return targets;
}
