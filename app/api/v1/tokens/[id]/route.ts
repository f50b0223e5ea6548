import { revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { withWorkspace } from "@/lib/next/with-workspace";

export const DELETE = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    await revokeApiToken(db, ctx, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "tokens.manage" },
);
