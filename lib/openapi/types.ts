/** The shape each domain contributes to the OpenAPI document: its paths, keyed by URL. */
import type { z } from "zod";

export type OperationSpec = {
  summary: string;
  permission: string | null;
  tags: string[];
  body?: z.ZodType;
  query?: z.ZodType;
  /** Status -> description (and optional schema) of successful answers. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Extra error statuses beyond the ones every route can answer (400, 401, 403). */
  errors?: number[];
};

export type PathSpecs = Record<string, Partial<Record<"get" | "post" | "put" | "patch" | "delete", OperationSpec>>>;
