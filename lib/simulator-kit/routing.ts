// Declarative route tables for the vendor simulators, matched by Hono's router. A route is a method, a path
// template, a handler and where the route comes from. Paths match without regard to case and with or without a
// trailing slash, as ASP.NET routing does; a request that matches no route gets the vendor's own 404, or its 405
// when only the method is wrong. Checks run in ASP.NET's order: route, then the table's scope (token, quota),
// then the handler.
import { RegExpRouter } from "hono/router/reg-exp-router";
import { SmartRouter } from "hono/router/smart-router";
import { TrieRouter } from "hono/router/trie-router";
import type { SimulatorRequestOptions } from "./harness";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * Where a route comes from. "seed": the vendor's own documents list it. "our-choice": nothing public describes it
 * and the simulator needs it (its README says why). "unverified": seen only in an unofficial client, so the app
 * must not depend on it against the real service.
 */
export type RouteOrigin = "seed" | "our-choice" | "unverified";

/** What a table's scope and every handler get. Path parameters keep the case they were sent in, percent-decoded. */
export interface RouteRequest {
  request: Request;
  url: URL;
  params: Readonly<Record<string, string>>;
  /** What the harness says about the request: its public base URL, and whether to treat the token as expired. */
  options: SimulatorRequestOptions;
}

export interface Route<Scope> {
  readonly method: HttpMethod;
  /** Relative to the table's prefix: literal segments, `{name}` for any segment, `{name:int}` for digits only. */
  readonly path: string;
  readonly origin: RouteOrigin;
  handle(context: RouteRequest & Scope): Response | Promise<Response>;
}

export function route<Scope>(
  method: HttpMethod,
  path: string,
  handle: Route<Scope>["handle"],
  origin: RouteOrigin = "seed",
): Route<Scope> {
  return { method, path, origin, handle };
}

export interface RouteTable<Scope> {
  /** A template put before every path of the table, e.g. "{region}/v1.0/{tenantId}". */
  prefix?: string;
  routes: readonly Route<Scope>[];
  /**
   * Runs once one of the table's routes matched, before its handler: the vendor's authentication and quota, and
   * what the handlers share (the caller's tenant, a view of the world). A Response (401, 429...) ends the request.
   */
  scope(context: RouteRequest): Scope | Response | Promise<Scope | Response>;
}

/** A table's routes with their scope applied; what `createRouter` takes. */
export interface MountedRoute {
  readonly method: HttpMethod;
  readonly template: string;
  readonly origin: RouteOrigin;
  run(context: RouteRequest): Promise<Response>;
}

export function routeTable<Scope>(table: RouteTable<Scope>): MountedRoute[] {
  const prefix = trimSlashes(table.prefix ?? "");
  return table.routes.map((route) => ({
    method: route.method,
    template: [prefix, trimSlashes(route.path)].filter(Boolean).join("/"),
    origin: route.origin,
    run: async (context) => {
      const scope = await table.scope(context);
      return scope instanceof Response ? scope : route.handle({ ...context, ...scope });
    },
  }));
}

/** The vendor's answers for requests no route serves, and for the errors its handlers throw. */
export interface VendorAnswers {
  /** No route has this path (`params` is empty). */
  notFound(context: RouteRequest): Response;
  /** A route has this path but not this method; without it, such requests get `notFound`. */
  methodNotAllowed?(context: RouteRequest): Response;
  /** The answer to an error a scope or handler threw (the vendor's error type); undefined lets it through as a 500. */
  answerError?(error: unknown): Response | undefined;
}

export type SimulatorRoutes = (request: Request, options: SimulatorRequestOptions) => Promise<Response>;

interface Target {
  /** null: the path is known, the method is not. */
  route: MountedRoute | null;
  /** Path parameter name → index of its segment in `pathname.split("/")`. */
  params: readonly (readonly [string, number])[];
}

const PARAM = /^\{(\w+)(:int)?\}$/;

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, "");
}

/** Hono's form of a template, lower-cased for case-insensitive matching: `{id:int}` → `:id{[0-9]+}`. */
function honoPath(template: string): string {
  const segments = template.split("/").map((segment) => {
    const param = PARAM.exec(segment);
    if (!param) return segment.toLowerCase();
    return param[2] ? `:${param[1]}{[0-9]+}` : `:${param[1]}`;
  });
  return `/${segments.join("/")}`;
}

function paramPositions(template: string): [string, number][] {
  const positions: [string, number][] = [];
  template.split("/").forEach((segment, index) => {
    const param = PARAM.exec(segment);
    if (param) positions.push([param[1] ?? "", index + 1]);
  });
  return positions;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A URL's path as the router matches it: lower case, no trailing slash. (`URL.pathname` is ASCII, so lengths hold.) */
function matchingPath(pathname: string): string {
  const lower = pathname.toLowerCase();
  return lower.length > 1 && lower.endsWith("/") ? lower.slice(0, -1) : lower;
}

/** Query parameters are matched without regard to case, as ASP.NET model binding does (`UserID`, `userId`). */
export function queryParam(url: URL, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === wanted) return value;
  return null;
}

/** The URL the client called (mount path included), as ASP.NET's "No HTTP resource ..." message quotes it. */
export function requestedUri(context: RouteRequest): string {
  return `${context.options.baseUrl}${context.url.pathname}${context.url.search}`;
}

/**
 * Builds the simulator's vendor handler from its tables. Tables are searched in order, routes in the order they
 * are listed: where templates overlap (`api/Users/Authenticate`, `api/Users/{id}`) the first listed wins.
 */
export function createRouter(tables: readonly (readonly MountedRoute[])[], answers: VendorAnswers): SimulatorRoutes {
  const router = new SmartRouter<Target>({ routers: [new RegExpRouter(), new TrieRouter()] });
  const routes = tables.flat();
  for (const route of routes) router.add(route.method, honoPath(route.template), { route, params: paramPositions(route.template) });
  // Added after every route, so a route with the request's method always comes first in a match.
  const paths = new Map(routes.map((route) => [honoPath(route.template), route.template]));
  for (const [path, template] of paths) router.add("ALL", path, { route: null, params: paramPositions(template) });

  return async (request, options) => {
    const url = new URL(request.url);
    const [matches] = router.match(request.method.toUpperCase(), matchingPath(url.pathname));
    const target = matches[0]?.[0];
    if (!target) return answers.notFound({ request, url, params: {}, options });
    const segments = url.pathname.split("/");
    const params: Record<string, string> = {};
    for (const [name, index] of target.params) params[name] = decode(segments[index] ?? "");
    const context: RouteRequest = { request, url, params, options };
    if (!target.route) return (answers.methodNotAllowed ?? answers.notFound)(context);
    try {
      return await target.route.run(context);
    } catch (error) {
      const answer = answers.answerError?.(error);
      if (answer) return answer;
      throw error;
    }
  };
}
