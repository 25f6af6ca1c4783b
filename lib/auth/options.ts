// next-auth configuration: email and password sign-in (Credentials provider), sessions as signed JWT cookies.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/services/users";
import { signInInputSchema } from "@/lib/schemas/users";
import { env } from "@/lib/env";
import { requestOrigin } from "./actor";
import { authSecret, usesSecureCookies } from "./secret";

/** Error codes the sign-in page turns into messages. */
export const SIGN_IN_ERRORS = {
  invalid: "Wrong email or password.",
  disabled: "This account is disabled. Ask an admin to enable it.",
  throttled: "Too many failed attempts. Wait a few minutes and try again.",
} as const;

export function authOptions(): NextAuthOptions {
  // Without NEXTAUTH_URL, next-auth would send every redirect to http://localhost:3000. Trusting the Host
  // header the request came in on makes the app work on whatever address it is served at, with no set-up.
  if (!env().NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  return {
    secret: authSecret(),
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInInputSchema.safeParse(credentials);
          if (!parsed.success) throw new Error("invalid");
          const result = await signInWithPassword(parsed.data.email, parsed.data.password, requestOrigin(req.headers ?? {}));
          if (!result.ok) throw new Error(result.reason);
          return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        // The browser needs no more than a name to greet; roles are checked on the server.
        session.user = { name: session.user?.name ?? null, email: session.user?.email ?? null };
        return { ...session, uid: token.uid };
      },
    },
  };
}
