// The shared route tables: ASP.NET's matching (any case, optional trailing slash, `{id:int}`), the vendor's own
// 404/405, and the order of checks (route, then scope, then handler).
import { describe, expect, it } from "vitest";
import { createRouter, route, routeTable, type Route } from "./routing";

class VendorError extends Error {}

interface Scope {
  caller: string;
}

const options = { forceUnauthorized: false, baseUrl: "http://sim.test/base" };

const echo = (name: string): Route<Scope>["handle"] => ({ params, caller }) => Response.json({ route: name, params, caller });

const apiRoutes: Route<Scope>[] = [
  route("PUT", "api/Users/Authenticate", echo("authenticate")),
  route("GET", "api/Users/{id}", echo("user")),
  route("GET", "api/Computers/{offset:int}/{count:int}", echo("page")),
  route("GET", "api/Computers/{hid}/Disks", echo("disks")),
  route("POST", "api/Fail", () => {
    throw new VendorError("nope");
  }),
  route("POST", "api/Crash", () => {
    throw new TypeError("bug");
  }),
];

function router(withMethodNotAllowed = true) {
  const scopes: string[] = [];
  const handle = createRouter(
    [
      routeTable({ routes: [route("POST", "api/Login", () => new Response("token"))], scope: () => ({}) }),
      routeTable({
        prefix: "/{region}/",
        routes: apiRoutes,
        scope: ({ request, params }) => {
          scopes.push(params.region ?? "");
          const caller = request.headers.get("x-caller");
          return caller ? { caller } : new Response("no token", { status: 401 });
        },
      }),
    ],
    {
      notFound: ({ request, url }) => Response.json({ notFound: `${request.method} ${url.pathname}` }, { status: 404 }),
      methodNotAllowed: withMethodNotAllowed ? ({ request }) => Response.json({ wrongMethod: request.method }, { status: 405 }) : undefined,
      answerError: (error) => (error instanceof VendorError ? Response.json({ vendorError: error.message }, { status: 400 }) : undefined),
    },
  );
  const call = async (method: string, path: string, caller: string | null = "alice") => {
    const response = await handle(new Request(`http://sim.test${path}`, { method, headers: caller ? { "x-caller": caller } : {} }), options);
    return { status: response.status, body: (await response.text()) || null };
  };
  return { call, scopes };
}

describe("route tables", () => {
  it("match paths without regard to case and with a trailing slash, and keep parameters as sent", async () => {
    const { call } = router();
    for (const path of ["/dfw/api/Users/AbC%20D", "/DFW/API/USERS/AbC%20D", "/dfw/api/users/AbC%20D/"]) {
      const answer = await call("GET", path);
      expect(answer.status, path).toBe(200);
      expect(JSON.parse(answer.body ?? "")).toMatchObject({ route: "user", params: { id: "AbC D" }, caller: "alice" });
    }
    expect(JSON.parse((await call("GET", "/DFW/api/users/x")).body ?? "").params.region).toBe("DFW");
  });

  it("take `{name:int}` for digits only, and the first listed route where templates overlap", async () => {
    const { call } = router();
    expect(JSON.parse((await call("GET", "/dfw/api/Computers/10/20")).body ?? "")).toMatchObject({ route: "page", params: { offset: "10", count: "20" } });
    expect(JSON.parse((await call("GET", "/dfw/api/Computers/ab/Disks")).body ?? "")).toMatchObject({ route: "disks", params: { hid: "ab" } });
    expect((await call("GET", "/dfw/api/Computers/ab/20")).status).toBe(404);
    expect(JSON.parse((await call("PUT", "/dfw/api/users/authenticate")).body ?? "").route).toBe("authenticate");
    expect(JSON.parse((await call("GET", "/dfw/api/users/authenticate")).body ?? "")).toMatchObject({ route: "user", params: { id: "authenticate" } });
  });

  it("answer unknown paths with the vendor's 404 and known paths with another method with its 405, before the scope runs", async () => {
    const { call, scopes } = router();
    expect(await call("GET", "/dfw/api/Nope", null)).toEqual({ status: 404, body: JSON.stringify({ notFound: "GET /dfw/api/Nope" }) });
    expect(await call("PATCH", "/dfw/api/Users/1", null)).toEqual({ status: 405, body: JSON.stringify({ wrongMethod: "PATCH" }) });
    expect(await call("HEAD", "/dfw/api/Users/1", null)).toMatchObject({ status: 405 });
    expect(scopes).toEqual([]);
    expect((await router(false).call("DELETE", "/dfw/api/Users/1")).status).toBe(404);
  });

  it("run the table's scope after the match and before the handler; an answer from the scope ends the request", async () => {
    const { call, scopes } = router();
    expect(await call("GET", "/iad/api/Users/1", null)).toEqual({ status: 401, body: "no token" });
    expect(scopes).toEqual(["iad"]);
    expect(await call("POST", "/api/login", null)).toEqual({ status: 200, body: "token" });
  });

  it("answer the vendor's errors in its own shape and let other errors through", async () => {
    const { call } = router();
    expect(await call("POST", "/dfw/api/Fail")).toEqual({ status: 400, body: JSON.stringify({ vendorError: "nope" }) });
    await expect(call("POST", "/dfw/api/Crash")).rejects.toThrow("bug");
  });
});
