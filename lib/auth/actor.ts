// Who is acting, and from where: the "who" of every audit entry.
import { timingSafeEqual } from "node:crypto";
import type { Role } from "@/lib/schemas/roles";
import { env } from "@/lib/env";

export interface Actor {
  type: "user" | "system" | "apikey";
  id?: string;
  label?: string;
  role?: Role;
  ip?: string;
  userAgent?: string;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Set by scripts/server.mjs on every request it passes on, with this process's secret. */
export const FORWARDED_PROOF_HEADER = "x-backup-console-forwarded";

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether the X-Forwarded-* headers were written by the app's own server (scripts/server.mjs), which derives
 * them from the socket and TRUST_PROXY and drops whatever the client sent. Anything else may be forged.
 */
function forwardedHeadersTrusted(source: HeaderSource): boolean {
  const expected = env().BACKUP_CONSOLE_FORWARDED_PROOF;
  const given = header(source, FORWARDED_PROOF_HEADER);
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The client's address, as the app's server established it; undefined when the request did not come through it. */
export function clientAddress(headers: HeaderSource): string | undefined {
  if (!forwardedHeadersTrusted(headers)) return undefined;
  return header(headers, "x-forwarded-for") || undefined;
}

/** The host the client asked for: from a trusted proxy when TRUST_PROXY says so, else the Host header. */
export function requestHost(headers: HeaderSource): string | undefined {
  const host = forwardedHeadersTrusted(headers) ? header(headers, "x-forwarded-host") : header(headers, "host");
  return host?.toLowerCase() || undefined;
}

export function requestOrigin(headers: HeaderSource): Pick<Actor, "ip" | "userAgent"> {
  return { ip: clientAddress(headers), userAgent: header(headers, "user-agent")?.slice(0, 500) };
}

export const SYSTEM_ACTOR: Actor = { type: "system", label: "system" };
