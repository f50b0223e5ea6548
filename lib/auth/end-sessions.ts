/**
 * Ends every session of a user at once: sessions are stateless JWTs, and each request checks the
 * version they carry against the user's (lib/auth/load-context.ts), so moving the version on
 * makes every copy of every cookie worthless, on this device and on others.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

export async function endSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
