"use server";
import { cookies, headers } from "next/headers";
import { getDb } from "@/db/client";
import { getCache } from "@/lib/cache";
import { signIn } from "@/lib/next/auth";
import { clientIp, localeCookie } from "@/lib/next/request-info";
import { actionFailure, type ActionFailure } from "@/lib/next/workspace-action";
import { completeSetup, setupSchema } from "@/lib/setup/complete-setup";

export async function completeSetupAction(raw: unknown): Promise<ActionFailure | undefined> {
  let slug: string;
  let credentials: { email: string; password: string };
  try {
    const input = setupSchema.parse(raw);
    ({ slug } = await completeSetup(getDb(), input, { ip: clientIp(await headers()), cache: getCache() }));
    credentials = { email: input.email, password: input.password };
    // The language chosen in the wizard becomes this browser's interface language.
    (await cookies()).set(localeCookie, input.locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  } catch (error) {
    return actionFailure(error);
  }
  // Throws Next's redirect on success: outside the try so it is not swallowed.
  await signIn("credentials", { ...credentials, redirectTo: `/${slug}/dashboard` });
}
