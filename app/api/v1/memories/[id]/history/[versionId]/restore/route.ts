import { restoreMemoryVersion } from "@/lib/memory/history/restore-memory-version";
import { actorOf } from "@/lib/memory/memory-access";
import { withWorkspace } from "@/lib/next/with-workspace";

/** No body: the path names the version. The restore is a new version (GET …/history shows it first). */
export const POST = withWorkspace<never, never, { id: string; versionId: string }>(
  async ({ ctx, db, params }) => ({ memory: await restoreMemoryVersion(db, actorOf(ctx), params) }),
  { permission: "memories.write" },
);
