import { createApiToken, createApiTokenSchema, listApiTokens } from "@/lib/api-tokens/api-tokens";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ tokens: await listApiTokens(db, ctx.workspaceId) }), {
  permission: "tokens.manage",
});

export const POST = withWorkspace(async ({ ctx, db, body }) => Response.json(await createApiToken(db, ctx, body), { status: 201 }), {
  permission: "tokens.manage",
  body: createApiTokenSchema,
});
