// Who is acting, and from where: the "who" of every audit entry.
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

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address. `next start` appends the socket address to X-Forwarded-For, so the last entry is
 * the peer; only behind a trusted proxy (TRUST_PROXY=1) is the first entry, the original client, believed.
 */
export function clientAddress(headers: HeaderSource): string | undefined {
  const forwarded = header(headers, "x-forwarded-for");
  if (!forwarded) return undefined;
  const hops = forwarded.split(",").map((h) => h.trim()).filter(Boolean);
  return (env().TRUST_PROXY ? hops[0] : hops[hops.length - 1]) ?? undefined;
}

export function requestOrigin(headers: HeaderSource): Pick<Actor, "ip" | "userAgent"> {
  return { ip: clientAddress(headers), userAgent: header(headers, "user-agent") };
}

export const SYSTEM_ACTOR: Actor = { type: "system", label: "system" };
