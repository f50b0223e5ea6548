/**
 * Every handler exported by every `app/api/v1/**\/route.ts`, found on disk and imported: what the
 * OpenAPI coverage test compares the document with and what the hostile-input fuzz suite calls.
 * Reading the disk (not the document's own list) is the point: a route nobody registered is found.
 */
import fs from "node:fs";
import path from "node:path";
import type { RouteDeclaration } from "@/lib/next/with-workspace";
import { httpMethods, type HttpMethod } from "@/lib/openapi/types";

export const repoRoot = path.resolve(__dirname, "../..");

type Handler = (req: any, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type ApiRoute = {
  /** e.g. "PATCH /drafts/{id}" (the OpenAPI spelling, relative to /api/v1). */
  id: string;
  method: HttpMethod;
  path: string;
  /** Relative to the repository root. */
  file: string;
  handler: Handler & { declaration?: RouteDeclaration };
};

/** Files named `name` under `dir`, recursively, sorted. */
export function findFiles(dir: string, name: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, name, out);
    else if (entry.name === name) out.push(full);
  }
  return out.sort();
}

export async function apiRoutes(): Promise<ApiRoute[]> {
  const apiRoot = path.join(repoRoot, "app/api/v1");
  const routes: ApiRoute[] = [];
  for (const file of findFiles(apiRoot, "route.ts")) {
    const dir = path.relative(apiRoot, path.dirname(file)).split(path.sep).join("/");
    const apiPath = `/${dir}`.replace(/\[(\w+)\]/g, "{$1}");
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of httpMethods) {
      const handler = mod[method];
      if (typeof handler !== "function") continue;
      routes.push({
        id: `${method} ${apiPath}`,
        method,
        path: apiPath,
        file: path.relative(repoRoot, file),
        handler: handler as ApiRoute["handler"],
      });
    }
  }
  return routes;
}
