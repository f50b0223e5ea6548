/** The workspace's time zone, for grouping memories by local day and hour. */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workspaces } from "@/db/schema";

export async function workspaceTimezone(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return row?.timezone ?? "Asia/Shanghai";
}
