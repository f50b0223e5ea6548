"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signInSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors/app-error";
import { signIn } from "@/lib/next/auth";
import { lockedMinutesOf } from "@/lib/next/authorize-credentials";
import { actionFailure, type ActionFailure } from "@/lib/next/workspace-action";

export async function signInAction(_prev: ActionFailure | null, form: FormData): Promise<ActionFailure | null> {
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return actionFailure(new AppError("INVALID_CREDENTIALS"));
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return null;
  } catch (error) {
    // Auth.js redirects by throwing; only its own errors are ours to show.
    if (!(error instanceof AuthError)) throw error;
    const minutes = error instanceof CredentialsSignin ? lockedMinutesOf(error.code) : null;
    return actionFailure(minutes === null ? new AppError("INVALID_CREDENTIALS") : new AppError("SIGN_IN_LOCKED", { details: { minutes } }));
  }
}
