"use server";
import { headers } from "next/headers";
import { getDb } from "@/lib/database";
import { getCache } from "@/lib/cache";
import { AppError } from "@/lib/errors/app-error";
import { acceptInvite, acceptInviteSchema } from "@/lib/members/accept-invite";
import { signIn } from "@/lib/next/auth";
import { clientIp } from "@/lib/next/request-info";
import { parseUntrusted } from "@/lib/validation/untrusted-input";
import { actionFailure, type ActionFailure } from "@/lib/next/workspace-action";
import { isRateLimited, recordAttempt } from "@/lib/security/rate-limit";

export async function acceptInviteAction(raw: unknown): Promise<ActionFailure | undefined> {
  let credentials: { email: string; password: string };
  try {
    const ip = clientIp(await headers());
    if (await isRateLimited(getCache(), "inviteAttempts", ip)) throw new AppError("RATE_LIMITED");
    await recordAttempt(getCache(), "inviteAttempts", ip);
    const input = parseUntrusted(acceptInviteSchema, raw);
    const { email } = await acceptInvite(getDb(), input, { ip });
    credentials = { email, password: input.password };
  } catch (error) {
    return actionFailure(error);
  }
  await signIn("credentials", { ...credentials, redirectTo: "/" });
}
