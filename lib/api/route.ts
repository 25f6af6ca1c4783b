// The one wrapper every API route handler goes through, built from the route's definition in the registry
// (lib/api/registry.ts). It authenticates the session, checks the role, parses params, query and body with the
// definition's zod schemas, and turns every error into the one error shape. Handlers stay thin: they call a
// service function and return its result, which must fit the definition's response schema.
import "server-only";
import { z } from "zod";
import { sessionUserFromHeaders, type SessionUser } from "@/lib/auth/session";
import { requestHost, requestOrigin, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { hasRole } from "@/lib/schemas/roles";
import type { RouteDefinition } from "./registry";
import { recordAudit } from "@/lib/services/audit";
import { AppError } from "@/lib/errors";
import { toErrorResponse, zodIssues } from "./errors";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

interface HandlerContext<P, Q, B> {
  request: Request;
  /** Null only on public routes. */
  user: SessionUser;
  actor: Actor;
  params: P;
  query: Q;
  body: B;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Answer<R> = (R extends z.ZodType ? z.input<R> : void) | Response;

/** A route handler that knows its definition (the registry test reads it back). */
export type DefinedHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { definition: RouteDefinition };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The largest JSON body a route reads: far above any form, far below what could exhaust memory. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * A cross-site page cannot read our responses, but it could try to send a cookie-carrying request.
 * Session cookies are SameSite=Lax; on top of that, a write must come from our own origin: an Origin that is
 * ours, or no Origin from a client that does not say the request is cross-site (scripts, curl).
 */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    if (site !== null && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site requests are not accepted.");
    return;
  }
  let originHost: string;
  try {
    const url = new URL(origin);
    // A browser sends a bare serialized origin (scheme://host[:port]); anything else did not come from one.
    if (url.origin !== origin.toLowerCase().replace(/\/$/, "")) throw new Error("not a serialized origin");
    originHost = url.host;
  } catch {
    throw new AppError("forbidden", "The Origin header is not a valid origin.");
  }
  const publicUrl = env().NEXTAUTH_URL;
  const ours = [requestHost(request.headers), publicUrl ? safeHost(publicUrl) : undefined].filter(Boolean);
  if (!originHost || !ours.includes(originHost)) throw new AppError("forbidden", "Cross-origin requests are not accepted.");
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** `application/json`, optionally with parameters (`; charset=utf-8`); nothing else. */
function isJsonContentType(value: string | null): boolean {
  return (value ?? "").split(";")[0]!.trim().toLowerCase() === "application/json";
}

/** Checks every write before anything else runs: it must come from our own origin. */
export function assertWriteRequest(request: Request): void {
  if (MUTATING.has(request.method)) assertSameOrigin(request);
}

/** Reads the body as text, refusing more than MAX_BODY_BYTES without buffering all of it. */
async function readLimitedText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new AppError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8.");
  }
}

export async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await readLimitedText(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  assertNoNul(value, "request body");
  return value;
}

/**
 * NUL characters pass zod's string checks but PostgreSQL refuses them in text (a 500): refused at the door.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export function assertNoNul(value: unknown, where: string): void {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (item.includes("\0")) throw new AppError("bad_request", `The ${where} contains a NUL character.`);
    } else if (item && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes("\0")) throw new AppError("bad_request", `The ${where} contains a NUL character.`);
        stack.push(child);
      }
    }
  }
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = zodIssues(result.error);
    const first = issues[0];
    const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "invalid";
    throw new AppError("validation_failed", `Invalid ${where} (${summary}${issues.length > 1 ? `, and ${issues.length - 1} more` : ""}).`, issues);
  }
  return result.data;
}

const PUBLIC_ACTOR = { type: "system", label: "anonymous" } as const;

export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  spec: RouteDefinition<P, Q, B, R>,
  handler: (ctx: HandlerContext<Infer<P>, Infer<Q>, Infer<B>>) => Answer<R> | Promise<Answer<R>>,
): DefinedHandler {
  const handle = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      assertWriteRequest(request);
      const user = spec.role === "public" ? null : await sessionUserFromHeaders(request.headers);
      if (!user && spec.role !== "public") throw new AppError("unauthorized", "Sign in to use this API.");
      const origin = requestOrigin(request.headers);
      const actor: Actor = user ? { type: "user", id: user.id, label: user.email, role: user.role, ...origin } : { ...PUBLIC_ACTOR, ...origin };
      if (user && spec.role !== "public" && !hasRole(user.role, spec.role)) {
        await recordAudit(actor, {
          action: "access.denied",
          outcome: "denied",
          target: { type: "route", label: `${request.method} ${new URL(request.url).pathname}` },
          details: { role: user.role, required: spec.role },
        });
        throw new AppError("forbidden", `This needs the ${spec.role} role; you are signed in as ${user.role}.`);
      }
      const rawParams = await context.params;
      assertNoNul(rawParams, "path");
      const params = spec.params ? parseWith(spec.params, rawParams, "path parameters") : {};
      const url = new URL(request.url);
      const rawQuery = Object.fromEntries(url.searchParams);
      assertNoNul(rawQuery, "query");
      const query = spec.query ? parseWith(spec.query, rawQuery, "query parameters") : {};
      const body = spec.body ? parseWith(spec.body, await readJsonBody(request), "request body") : undefined;
      const result = await handler({ request, user, actor, params, query, body } as HandlerContext<Infer<P>, Infer<Q>, Infer<B>>);
      const response =
        result instanceof Response ? result : result === undefined ? new Response(null, { status: 204 }) : Response.json(result, { status: spec.status ?? 200 });
      response.headers.set("Cache-Control", "no-store");
      return response;
    } catch (error) {
      const response = toErrorResponse(error);
      response.headers.set("Cache-Control", "no-store");
      return response;
    }
  };
  return Object.assign(handle, { definition: spec as RouteDefinition });
}
