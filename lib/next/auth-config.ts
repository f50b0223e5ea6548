/**
 * Auth.js settings that need no database: shared by the proxy (which only checks that a
 * session exists) and the full setup in ./auth.ts.
 */
import type { NextAuthConfig } from "next-auth";

export const publicPaths = ["/login", "/setup", "/invite"];

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (publicPaths.some((p) => path === p || path.startsWith(`${p}/`))) return true;
      return Boolean(auth?.user);
    },
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
} satisfies NextAuthConfig;
