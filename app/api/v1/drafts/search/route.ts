import { searchDrafts, searchDraftsQuerySchema } from "@/lib/drafts/search-drafts";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db, query }) => ({ hits: await searchDrafts(db, ctx, query) }), {
  permission: "drafts.read",
  query: searchDraftsQuerySchema,
});
