// A small case-insensitive router (ASP.NET matches `/api/users` and `/API/Users` alike). Templates use
// `{name}` for a segment and `{name:int}` for digits only, as Web API route constraints do.
import type { FleetSnapshot } from "./snapshot";

export interface RouteContext {
  request: Request;
  url: URL;
  params: Readonly<Record<string, string>>;
  /** The caller's provider at the current simulated time; mutate `view.data` for writes. */
  view: FleetSnapshot;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** e.g. "api/Users/{id}/Computers". */
  path: string;
  /** "seed": in the official method list; "unverified": our extension, not in any official list. */
  origin: "seed" | "unverified";
  handle(context: RouteContext): Response | Promise<Response>;
}

export function route(method: Route["method"], path: string, handle: Route["handle"], origin: Route["origin"] = "seed"): Route {
  return { method, path, origin, handle };
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method" }
  | { kind: "none" };

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(readonly routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split("/")
        .map((segment) => {
          const param = /^\{(\w+)(:int)?\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(param[1] ?? "");
          return param[2] ? "(\\d+)" : "([^/]+)";
        })
        .join("/");
      return { route, names, pattern: new RegExp(`^/${source}/?$`, "i") };
    });
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const { route, pattern, names } of this.compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method.toUpperCase()) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? "")));
      return { kind: "found", route, params };
    }
    return pathMatched ? { kind: "wrong-method" } : { kind: "none" };
  }
}
