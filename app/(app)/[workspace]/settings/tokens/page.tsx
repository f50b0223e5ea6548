import { getDb } from "@/lib/database";
import { TokensManager } from "@/components/tokens/tokens-manager";
import { Forbidden } from "@/components/ui/forbidden";
import { listApiTokens } from "@/lib/api-tokens/api-tokens";
import { can } from "@/lib/auth/context";
import { requirePageContext } from "@/lib/next/session-context";
import { createTokenAction, revokeTokenAction } from "../actions";

export const metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "tokens.manage")) return <Forbidden />;
  const tokens = await listApiTokens(getDb(), ctx.workspaceId);
  return (
    <TokensManager
      slug={ctx.workspaceSlug}
      grantable={[...ctx.permissions]}
      tokens={tokens.map((tok) => ({
        id: tok.id,
        name: tok.name,
        prefix: tok.prefix,
        permissions: tok.permissions,
        expiresAt: tok.expiresAt?.toISOString() ?? null,
        lastUsedAt: tok.lastUsedAt?.toISOString() ?? null,
        revoked: Boolean(tok.revokedAt),
      }))}
      createAction={createTokenAction}
      revokeAction={revokeTokenAction}
    />
  );
}
