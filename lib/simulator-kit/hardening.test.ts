// The simulators' controls and logins against hostile input: fault patterns cannot freeze or break the
// simulator, and failed logins are throttled like a vendor's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimClock } from "./clock";
import { globMatches, MAX_ROUTE_PATTERN_LENGTH } from "./faults";
import { LoginThrottle } from "./login-throttle";
import { serveSimulator, type RunningSimulator } from "./serve";
import { createMsp360Simulator } from "@/lib/vendors/msp360/simulator";
import { createRackspaceSimulator } from "@/lib/vendors/rackspace/simulator";

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("fault route patterns", () => {
  it("match with * as any run of characters, case-insensitively", () => {
    expect(globMatches("/api/Computers*", "/api/computers/0/10")).toBe(true);
    expect(globMatches("*/agent/*", "/v1.0/123/agent/42")).toBe(true);
    expect(globMatches("*/agent/*", "/v1.0/123/agents")).toBe(false);
    expect(globMatches("/a*b*c", "/axxbyyc")).toBe(true);
    expect(globMatches("/a*b*c", "/axxbyyd")).toBe(false);
    expect(globMatches("*", "")).toBe(true);
    expect(globMatches("/api/ping", "/api/ping/")).toBe(false);
    // Characters that mean something in a regular expression mean nothing here.
    expect(globMatches("/v1.0/(x)+", "/v1.0/(x)+")).toBe(true);
    expect(globMatches("/v1.0/(x)+", "/v1x0/xx")).toBe(false);
  });

  describe("through the control API", () => {
    let sim: RunningSimulator;
    beforeAll(async () => {
      sim = await serveSimulator(createMsp360Simulator({ seed: 2, endpoints: 2, clock: new SimClock() }));
    });
    afterAll(() => sim?.close());

    it("a pattern of many stars does not freeze the simulator", async () => {
      const pattern = `${"*a".repeat(40)}*b`;
      expect(pattern.length).toBeLessThanOrEqual(MAX_ROUTE_PATTERN_LENGTH);
      expect((await post(`${sim.url}/_sim/faults`, { route: pattern, kind: "error", status: 500 })).status).toBe(201);
      // A regular expression built from that pattern backtracks for ages on this path; the glob answers at once.
      const response = await fetch(`${sim.url}/${"a".repeat(4000)}`);
      expect(response.status).toBe(404);
      await fetch(`${sim.url}/_sim/faults`, { method: "DELETE" });
    });

    it("refuses a huge pattern with 400, and keeps serving", async () => {
      const huge = await post(`${sim.url}/_sim/faults`, { route: `/${"x".repeat(1_000_000)}*`, kind: "error" });
      expect(huge.status).toBe(400);
      expect((await huge.text()).length).toBeLessThan(2000);
      expect((await post(`${sim.url}/api/Provider/Login`, { UserName: "demo", Password: "demo-password" })).status).toBe(200);
    });
  });
});

describe("simulator logins", () => {
  it("count failures per login and overall, in a window that passes", () => {
    let now = 0;
    const throttle = new LoginThrottle({ perLogin: 3, overall: 5, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) throttle.failed("Alice");
    expect(throttle.retryAfterSeconds("alice")).toBe(60);
    expect(throttle.retryAfterSeconds("bob")).toBe(0);
    throttle.failed("bob");
    throttle.failed("carol");
    expect(throttle.retryAfterSeconds("dave")).toBe(60);
    now = 30_000;
    expect(throttle.retryAfterSeconds("alice")).toBe(30);
    now = 60_000;
    expect(throttle.retryAfterSeconds("alice")).toBe(0);
  });

  it("MSP360's Provider/Login answers 429 after repeated failures, even to the right password", async () => {
    const sim = await serveSimulator(createMsp360Simulator({ seed: 2, endpoints: 2, clock: new SimClock() }));
    try {
      for (let i = 0; i < 10; i++) expect((await post(`${sim.url}/api/Provider/Login`, { UserName: "demo", Password: `guess-${i}` })).status).toBe(400);
      const blocked = await post(`${sim.url}/api/Provider/Login`, { UserName: "demo", Password: "demo-password" });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });

  it("Rackspace identity answers 413 overLimit after repeated failures", async () => {
    const sim = await serveSimulator(createRackspaceSimulator({ seed: 2, endpoints: 2, clock: new SimClock() }));
    const login = (apiKey: string) => post(`${sim.url}/v2.0/tokens`, { auth: { "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey } } });
    try {
      for (let i = 0; i < 10; i++) expect((await login(`guess-${i}`)).status).toBe(401);
      const blocked = await login("demo-api-key");
      expect(blocked.status).toBe(413);
      expect(await blocked.json()).toMatchObject({ overLimit: { code: 413 } });
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });
});
