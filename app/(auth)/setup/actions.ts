"use server";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/next/auth";
import { clientIp } from "@/lib/next/request-info";
import { actionFailure, type ActionFailure } from "@/lib/next/workspace-action";
import { completeSetup, setupSchema } from "@/lib/setup/complete-setup";

export async function completeSetupAction(raw: unknown): Promise<ActionFailure | undefined> {
  let slug: string;
  let credentials: { email: string; password: string };
  try {
    const input = setupSchema.parse(raw);
    ({ slug } = await completeSetup(getDb(), input, { ip: clientIp(await headers()) }));
    credentials = { email: input.email, password: input.password };
  } catch (error) {
    return actionFailure(error);
  }
  // Throws Next's redirect on success: outside the try so it is not swallowed.
  await signIn("credentials", { ...credentials, redirectTo: `/${slug}/dashboard` });
}
