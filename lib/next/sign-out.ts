/**
 * Sign-out that ends the session on the server too: clearing the cookie alone leaves any copy of
 * it (a shared computer, a leaked HAR file) valid for a week.
 */
import { headers } from "next/headers";
import { getDb } from "@/lib/database";
import { endSessions } from "@/lib/auth/end-sessions";
import { signOut } from "./auth";
import { readSessionUser } from "./session-token";

export async function signOutEverywhere(): Promise<void> {
  const user = await readSessionUser(await headers());
  if (user) await endSessions(getDb(), user.id);
  await signOut({ redirectTo: "/login" });
}
