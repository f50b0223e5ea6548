/**
 * The wrapper around every authenticated API route: request id, authentication (API token or
 * session), same-origin writes for sessions, workspace membership, permission, zod-validated
 * query and body, and the error envelope. Routes stay thin: `export const GET = withWorkspace(handler, { permission })`.
 * The handler it returns carries its declaration (permission, body and query schemas), which the
 * OpenAPI document is generated from, so the document cannot drift from what the route enforces.
 */
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/lib/database";
import type { WorkspaceContext } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "./error-response";
import { observeRequest } from "./observe-request";
import { readJson } from "./read-json";
import { localeCookie, localeOf, requestIdOf } from "./request-info";
import { resolveRequestContext } from "./resolve-context";
import { assertSameOriginWrite } from "./same-origin";

type Args<B, Q, P> = { req: NextRequest; ctx: WorkspaceContext; db: Db; body: B; query: Q; params: P };

type Options<B extends z.ZodType, Q extends z.ZodType> = {
  /** null: any authenticated member (e.g. who am I). */
  permission: Permission | null;
  body?: B;
  query?: Q;
  maxBodyBytes?: number;
  /**
   * A request that carries its own proof (a signed media URL for the publishing bridge) is
   * answered by this instead, without a session; null: the usual checks apply.
   */
  selfAuthorized?: (req: NextRequest, params: Record<string, string | string[]>) => Promise<Response | null>;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** What a route enforces, as read by the OpenAPI document (lib/openapi/build-document.ts). */
export type RouteDeclaration = { permission: Permission | null; body?: z.ZodType; query?: z.ZodType };

export function withWorkspace<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, P = Record<string, string>>(
  handler: (args: Args<z.infer<B>, z.infer<Q>, P>) => Promise<Response | unknown>,
  options: Options<B, Q>,
) {
  const declaration: RouteDeclaration = { permission: options.permission, body: options.body, query: options.query };
  const routeHandler = async (req: NextRequest, route?: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    const locale = localeOf(req.headers, req.cookies.get(localeCookie)?.value);
    const started = performance.now();
    const done = (response: Response) => observeRequest(req, response, requestId, started);
    try {
      const answered = options.selfAuthorized && (await options.selfAuthorized(req, (await route?.params) ?? {}));
      if (answered) return done(answered);
      const db = getDb();
      const ctx = await resolveRequestContext(db, req, requestId);
      if (!ctx) throw new AppError("UNAUTHENTICATED");
      if (ctx.via === "session") assertSameOriginWrite(req, { json: Boolean(options.body) });
      if (options.permission && !ctx.permissions.has(options.permission)) throw new AppError("FORBIDDEN");

      const query = options.query ? options.query.parse(Object.fromEntries(req.nextUrl.searchParams)) : undefined;
      const body = options.body ? options.body.parse(await readJson(req, options.maxBodyBytes)) : undefined;
      const params = ((await route?.params) ?? {}) as P;

      const result = await handler({ req, ctx, db, body: body as z.infer<B>, query: query as z.infer<Q>, params });
      const response = result instanceof Response ? result : Response.json(result ?? { ok: true });
      response.headers.set("x-request-id", requestId);
      return done(response);
    } catch (error) {
      return done(errorResponse(error, locale, requestId));
    }
  };
  return Object.assign(routeHandler, { declaration });
}
