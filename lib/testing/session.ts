// Session cookies for route-handler tests, minted exactly as next-auth mints them on sign-in.
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { FORWARDED_PROOF_HEADER } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { createUserSession } from "@/lib/services/sessions";
import type { Role } from "@/lib/schemas/roles";

export async function createUserRow(db: Db, role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`) {
  return db.user.create({ data: { email, name: `${role} user`, role, passwordHash: await hashPassword("a-long-enough-password") } });
}

/** A signed-in session (with its server-side record) in the test database `db()` points at. */
export async function sessionCookie(user: { id: string; sessionVersion: number; email: string }): Promise<string> {
  const sid = await createUserSession(user.id);
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, sid, email: user.email }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

/**
 * Calls a route handler the way Next does behind the app's server: a Request whose forwarding headers the
 * server wrote (client 127.0.0.1, with the proof), and the params as a Promise. `headers` may override them.
 */
export async function callRoute(
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
  options: { method?: string; path?: string; cookie?: string; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const headers = new Headers({
    "x-forwarded-for": "127.0.0.1",
    "x-forwarded-host": "localhost",
    [FORWARDED_PROOF_HEADER]: env().BACKUP_CONSOLE_FORWARDED_PROOF ?? "",
  });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const request = new Request(`http://localhost${options.path ?? "/api/v1/test"}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return { status: response.status, json: text && isJson ? (JSON.parse(text) as unknown) : undefined, text, headers: response.headers };
}
