// The one wrapper every API route handler goes through, built from the route's definition in the registry
// (lib/api/registry.ts). It authenticates the session, checks the role, parses params, query and body with the
// definition's zod schemas, and turns every error into the one error shape. Handlers stay thin: they call a
// service function and return its result, which must fit the definition's response schema.
import "server-only";
import { z } from "zod";
import { sessionUserFromHeaders, type SessionUser } from "@/lib/auth/session";
import { requestOrigin, type Actor } from "@/lib/auth/actor";
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

/**
 * A cross-site page cannot read our responses, but it could try to send a cookie-carrying request.
 * Session cookies are SameSite=Lax; on top of that, mutating requests must come from our own origin.
 */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host || new URL(origin).host !== host) throw new AppError("forbidden", "Cross-origin requests are not accepted.");
}

async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  try {
    return await request.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
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
      if (MUTATING.has(request.method)) assertSameOrigin(request);
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
      const params = spec.params ? parseWith(spec.params, await context.params, "path parameters") : {};
      const url = new URL(request.url);
      const query = spec.query ? parseWith(spec.query, Object.fromEntries(url.searchParams), "query parameters") : {};
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
