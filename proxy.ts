/** Redirects signed-out visitors to /login. Every route still checks for itself (lib/next/). */
import NextAuth from "next-auth";
import { authConfig } from "@/lib/next/auth-config";
import { getEnv } from "@/lib/env";

const { auth } = NextAuth(() => ({ ...authConfig, secret: getEnv().authSecret }));

export default auth;

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|robots.txt|login|setup|invite).*)"],
};
