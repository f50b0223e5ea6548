/**
 * What the hostile-input suite calls: every method exported by every `app/api/v1/**\/route.ts`
 * (found on disk by ../api-routes.ts), with the OpenAPI document's request schemas; and every
 * function exported by every `app/(app)/**\/actions.ts`, with the request schema of the API
 * operation doing the same job.
 */
import path from "node:path";
import { openApiDocument } from "@/app/api/v1/openapi.json/api-operations";
import { apiRoutes, findFiles, repoRoot, type ApiRoute } from "../api-routes";

type JsonSchema = Record<string, any>;

export type RouteTarget = ApiRoute & {
  kind: "route";
  params: string[];
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

function openApiPaths() {
  return openApiDocument("http://localhost:3000").paths as Record<string, Record<string, any>>;
}

export async function routeTargets(): Promise<RouteTarget[]> {
  const doc = openApiPaths();
  return (await apiRoutes())
    .filter((route) => route.path !== "/openapi.json") // the document itself: no input
    .map((route) => {
      const op = doc[route.path]?.[route.method.toLowerCase()];
      const queryParams = ((op?.parameters ?? []) as { name: string; in: string; schema: JsonSchema }[]).filter((p) => p.in === "query");
      return {
        ...route,
        kind: "route" as const,
        params: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        body: op?.requestBody?.content?.["application/json"]?.schema,
        queryKeys: queryParams.map((p) => p.name),
        query: queryParams.length
          ? { type: "object", properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])), required: [] }
          : undefined,
      };
    });
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
  const shaped: JsonSchema = spec.key ? { type: "object", properties: { [spec.key]: inner }, required: [spec.key] } : { ...inner };
  if (spec.withId) {
    shaped.properties = { id: { type: "string", minLength: 1, maxLength: 64 }, ...shaped.properties };
    shaped.required = ["id", ...(shaped.required ?? [])];
  }
  return { ...shaped, $defs };
}

export async function actionTargets(): Promise<ActionTarget[]> {
  const appRoot = path.join(repoRoot, "app/(app)/[workspace]");
  const doc = openApiPaths();
  const targets: ActionTarget[] = [];
  for (const file of findFiles(appRoot, "actions.ts")) {
    const area = path.relative(appRoot, path.dirname(file)).split(path.sep).join("/");
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== "function") continue;
      targets.push({
        kind: "action",
        id: `${area}/${name}`,
        page: `/${area}`,
        file: path.relative(repoRoot, file),
        fn: fn as ActionTarget["fn"],
        input: actionInputSchema(name, doc),
      });
    }
  }
  return targets;
}
