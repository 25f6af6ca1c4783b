// Who is signed in. The session cookie (a next-auth JWT) carries only the user's id, session version and
// session id; the user and the session record are read from the database on every request, so a sign-out,
// a disabled account, a new role or a password reset takes effect at once.
import "server-only";
import { getToken } from "next-auth/jwt";
import { findActiveUser } from "@/lib/services/users";
import type { Role } from "@/lib/schemas/roles";
import { authSecret, usesSecureCookies } from "./secret";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** IANA zone the user reads days in; null: the browser's. */
  timeZone: string | null;
}

/**
 * next-auth's getToken reads `req.cookies` only, so the Cookie header is parsed here. A cookie that cannot be
 * decoded (`a=%zz`, set by anything else on the same host) is skipped: it must not break every request.
 */
export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // not ours, and not readable: ignored
    }
  }
  return cookies;
}

export async function sessionUserFromHeaders(headers: Headers): Promise<SessionUser | null> {
  const token = await getToken({
    req: { headers, cookies: parseCookies(headers.get("cookie")) } as never,
    secret: authSecret(),
    secureCookie: usesSecureCookies(),
  });
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
  return findActiveUser(token.uid, token.sv, token.sid);
}
