// next-auth configuration: email and password sign-in (Credentials provider), sessions as signed JWT cookies.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/services/users";
import { createUserSession, endUserSession, SESSION_MAX_AGE_SECONDS } from "@/lib/services/sessions";
import { signInInputSchema } from "@/lib/schemas/users";
import { env } from "@/lib/env";
import { requestOrigin } from "./actor";
import { safeCallbackPath } from "./callback-url";
import { authSecret, usesSecureCookies } from "./secret";

/** Error codes the sign-in page turns into messages. */
export const SIGN_IN_ERRORS = {
  invalid: "Wrong email or password.",
  disabled: "This account is disabled. Ask an admin to enable it.",
  throttled: "Too many failed attempts. Wait a few minutes and try again.",
} as const;

export function authOptions(): NextAuthOptions {
  // Without NEXTAUTH_URL, next-auth would send every redirect to http://localhost:3000. Trusting the host the
  // request came in on makes the app work on whatever address it is served at, with no set-up. next-auth then
  // reads X-Forwarded-Host/-Proto, which the app's server (scripts/server.mjs) always overwrites: with the
  // client's Host, or with a trusted proxy's word (TRUST_PROXY).
  if (!env().NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  return {
    secret: authSecret(),
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion;
          // A server-side record per sign-in: signing out deletes it, and with it this cookie's validity.
          token.sid = await createUserSession(user.id);
        }
        return token;
      },
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
      },
      session({ session, token }) {
        // The browser needs no more than a name to greet; roles are checked on the server.
        session.user = { name: session.user?.name ?? null, email: session.user?.email ?? null };
        return { ...session, uid: token.uid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endUserSession(token.sid);
      },
    },
  };
}
