"use server";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/database";
import { getCache } from "@/lib/cache";
import { signIn } from "@/lib/next/auth";
import { clientIp, localeCookie } from "@/lib/next/request-info";
import { actionFailure, type ActionFailure } from "@/lib/next/workspace-action";
import { completeSetup, setupSchema } from "@/lib/setup/complete-setup";
import { parseUntrusted } from "@/lib/validation/untrusted-input";

/** The wizard's fields, and the code from the server log (lib/setup/setup-code.ts). */
const setupRequestSchema = setupSchema.extend({ setupCode: z.string().max(40) });

export async function completeSetupAction(raw: unknown): Promise<ActionFailure | undefined> {
  let slug: string;
  let credentials: { email: string; password: string };
  try {
    const { setupCode, ...input } = parseUntrusted(setupRequestSchema, raw);
    ({ slug } = await completeSetup(getDb(), input, { ip: clientIp(await headers()), attempt: { cache: getCache(), setupCode } }));
    credentials = { email: input.email, password: input.password };
    // The language chosen in the wizard becomes this browser's interface language.
    (await cookies()).set(localeCookie, input.locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  } catch (error) {
    return actionFailure(error);
  }
  // Throws Next's redirect on success: outside the try so it is not swallowed.
  await signIn("credentials", { ...credentials, redirectTo: `/${slug}/dashboard` });
}
