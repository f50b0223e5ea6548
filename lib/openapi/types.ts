/**
 * The two inputs of the OpenAPI document. What a route enforces (permission, body and query
 * schemas) comes from the route itself: `withWorkspace` attaches it to the handler as its
 * declaration. What a person needs to read (summary, tags, answers, extra error statuses) is
 * written per domain in ./paths, keyed by URL and method.
 */
import type { z } from "zod";
import type { RouteDeclaration } from "@/lib/next/with-workspace";

/** Every method a Next.js route module can export. */
export const httpMethods = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** One exported handler of an `app/api/v1/**` route module; path in OpenAPI spelling (`/drafts/{id}`). */
export type ApiOperation = { method: HttpMethod; path: string; declaration: RouteDeclaration };

export type OperationSpec = {
  summary: string;
  tags: string[];
  /** Status -> description (and optional schema) of successful answers. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Extra error statuses beyond the ones every route can answer (400, 401, 403). */
  errors?: number[];
  /** A body the route reads itself (a file, a form) instead of through a zod `body` schema. */
  rawBody?: { contentType: string; schema: Record<string, unknown>; description: string };
};

export type PathSpecs = Record<string, Partial<Record<Lowercase<HttpMethod>, OperationSpec>>>;
