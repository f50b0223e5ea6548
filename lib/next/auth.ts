/** Auth.js (next-auth v5): credentials sign-in with argon2id hashes and JWT sessions. */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { authorizeCredentials } from "./authorize-credentials";

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
      authorize: authorizeCredentials,
    }),
  ],
}));
