/** Auth.js (next-auth v5): credentials sign-in with argon2id hashes and JWT sessions. */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { signInSchema } from "@/lib/auth/schemas";
import { getCache } from "@/lib/cache";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { getLogger } from "@/lib/observability/logger";
import { clientIp } from "./request-info";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  // A week from the last renewal: the app shell renews the cookie through /api/auth/session
  // (components/shell/session-keep-alive.tsx).
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      (session as { sessionVersion?: number }).sessionVersion = token.sv as number;
      return session;
    },
  },
  secret: getEnv().authSecret,
  // Through our logger: a wrong password is an expected outcome (already counted and audited),
  // not an error with a stack trace.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      getLogger().error({ err: error }, "auth error");
    },
    warn(code) {
      getLogger().warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const ip = clientIp(request.headers);
          const user = await authenticate(getDb(), getCache(), { ...parsed.data, ip });
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (error instanceof AppError && error.code === "RATE_LIMITED") throw new TooManyAttempts();
          if (error instanceof AppError) throw new InvalidCredentials();
          throw error;
        }
      },
    }),
  ],
}));
