/**
 * Who is calling an API route: a Bearer API token (its own workspace), or a session cookie
 * (the workspace named by the `x-workspace` header, the last-used workspace cookie, or the
 * first one the user belongs to).
 */
import type { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { findLiveToken } from "@/lib/api-tokens/api-tokens";
import type { WorkspaceContext } from "@/lib/auth/context";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import { AppError } from "@/lib/errors/app-error";
import { listUserWorkspaces } from "@/lib/workspaces/queries";
import { clientIp } from "./request-info";
import { readSessionUser } from "./session-token";

export const workspaceCookie = "rm_workspace";

export async function resolveRequestContext(db: Db, req: NextRequest, requestId: string): Promise<WorkspaceContext | null> {
  const ip = clientIp(req.headers);
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !token) throw new AppError("UNAUTHENTICATED");
    const row = await findLiveToken(db, token);
    if (!row) return null;
    const ctx = await loadWorkspaceContext(db, {
      userId: row.userId,
      workspace: { id: row.workspaceId },
      via: "token",
      tokenPermissions: row.permissions,
      ip,
      requestId,
    });
    // Best effort: a failed timestamp update must not fail the request.
    if (ctx)
      await db
        .update(apiTokens)
        .set({ lastUsedAt: new Date() })
        .where(eq(apiTokens.id, row.id))
        .catch(() => undefined);
    return ctx;
  }

  const user = await readSessionUser(req.headers); // null without a session cookie
  if (!user) return null;
  const { id: userId, sessionVersion } = user;
  const slug = req.headers.get("x-workspace") ?? req.cookies.get(workspaceCookie)?.value ?? (await listUserWorkspaces(db, userId))[0]?.slug;
  if (!slug) return null;
  return loadWorkspaceContext(db, { userId, workspace: { slug }, via: "session", sessionVersion, ip, requestId });
}
