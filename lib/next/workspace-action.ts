/**
 * The wrapper around every server action: session, workspace membership, permission, zod
 * validation, and a result the form can show ({ ok: false, code, message, fieldErrors }).
 * Raw errors never reach the browser.
 */
import { headers } from "next/headers";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/lib/database";
import type { WorkspaceContext } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, errorBody, toAppError, type FieldErrors } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/catalog";
import { getLogger } from "@/lib/observability/logger";
import { parseUntrusted } from "@/lib/validation/untrusted-input";
import { isSameOrigin } from "./same-origin";
import { currentLocale, getSessionContext } from "./session-context";

export type ActionFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  suggestion: string;
  fieldErrors?: FieldErrors;
  details?: Record<string, unknown>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
/** What a client form receives as a prop: a wrapped server action. */
export type WorkspaceActionFn<T = unknown> = (workspaceSlug: string, input: unknown) => Promise<ActionResult<T>>;

export async function actionFailure(error: unknown): Promise<ActionFailure> {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") getLogger().error({ err: error }, "server action failed");
  return { ok: false, ...errorBody(appError, await currentLocale()) };
}

export function workspaceAction<S extends z.ZodType, R>(
  /** permission null: any active member (e.g. changing one's own password). */
  options: { permission: Permission | null; schema: S },
  run: (args: { ctx: WorkspaceContext; db: Db; input: z.infer<S> }) => Promise<R>,
) {
  return async (workspaceSlug: string, raw: unknown): Promise<ActionResult<R>> => {
    try {
      // Next refuses a foreign Origin before we run (proxy.ts answers it 403); this holds even
      // if `serverActions.allowedOrigins` is ever widened.
      if (!isSameOrigin(await headers())) throw new AppError("CROSS_ORIGIN");
      const ctx = await getSessionContext(String(workspaceSlug));
      if (!ctx) throw new AppError("UNAUTHENTICATED");
      if (options.permission && !ctx.permissions.has(options.permission)) throw new AppError("FORBIDDEN");
      const input = parseUntrusted(options.schema, raw);
      return { ok: true, data: await run({ ctx, db: getDb(), input }) };
    } catch (error) {
      return actionFailure(error);
    }
  };
}
