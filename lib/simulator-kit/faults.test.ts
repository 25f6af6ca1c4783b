// Every fault kind, switched on per route through the control API, as a client sees it over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimClock } from "./clock";
import { createSimulatorHandler, type SimulatorWorld } from "./harness";
import { serveSimulator, type RunningSimulator } from "./serve";

// A minimal world: `/api/ping` answers JSON, and 401 when asked to treat the token as expired.
const world: SimulatorWorld = {
  clock: new SimClock(),
  async handle(_request, { forceUnauthorized }) {
    if (forceUnauthorized) return Response.json({ Message: "Authorization has been denied for this request." }, { status: 401 });
    return Response.json({ ok: true, items: [1, 2, 3] });
  },
  describe: () => ({ kind: "test" }),
};

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await serveSimulator(createSimulatorHandler(world));
});
afterAll(() => sim.close());

async function addFault(rule: Record<string, unknown>) {
  const response = await fetch(`${sim.url}/_sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(rule) });
  expect(response.status).toBe(201);
}

async function clearFaults() {
  await fetch(`${sim.url}/_sim/faults`, { method: "DELETE" });
}

describe("simulator faults", () => {
  it("answers normally without faults", async () => {
    await clearFaults();
    const response = await fetch(`${sim.url}/api/ping`);
    expect(await response.json()).toEqual({ ok: true, items: [1, 2, 3] });
  });

  it("returns 5xx on the matching route only", async () => {
    await clearFaults();
    await addFault({ route: "/api/ping*", kind: "error", status: 503 });
    expect((await fetch(`${sim.url}/api/ping`)).status).toBe(503);
    expect((await fetch(`${sim.url}/api/other`)).status).toBe(200);
  });

  it("sends a 429 burst with Retry-After, then recovers", async () => {
    await clearFaults();
    await addFault({ route: "*", kind: "rate-limit", retryAfterSeconds: 7, count: 2 });
    const first = await fetch(`${sim.url}/api/ping`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("7");
    expect((await fetch(`${sim.url}/api/ping`)).status).toBe(429);
    expect((await fetch(`${sim.url}/api/ping`)).status).toBe(200);
  });

  it("expires tokens through the world's own 401", async () => {
    await clearFaults();
    await addFault({ route: "*", kind: "expire-token" });
    const response = await fetch(`${sim.url}/api/ping`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ Message: "Authorization has been denied for this request." });
  });

  it("cuts JSON bodies so they no longer parse", async () => {
    await clearFaults();
    await addFault({ route: "*", kind: "malformed-json" });
    const response = await fetch(`${sim.url}/api/ping`);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it("adds latency, and hangs until the client gives up", async () => {
    await clearFaults();
    await addFault({ route: "/api/slow", kind: "latency", delayMs: 300 });
    const started = Date.now();
    expect((await fetch(`${sim.url}/api/slow`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    await addFault({ route: "/api/hang", kind: "hang" });
    await expect(fetch(`${sim.url}/api/hang`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
  });

  it("drops the connection without an answer", async () => {
    await clearFaults();
    await addFault({ route: "*", kind: "reset" });
    await expect(fetch(`${sim.url}/api/ping`)).rejects.toThrow();
    await clearFaults();
    expect((await fetch(`${sim.url}/api/ping`)).status).toBe(200);
  });

  it("moves the clock forward and rejects invalid control input", async () => {
    const before = new Date((await (await fetch(`${sim.url}/_sim/clock`)).json()).now).getTime();
    const after = await (await fetch(`${sim.url}/_sim/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advance: "1d" }) })).json();
    expect(new Date(after.now).getTime() - before).toBeGreaterThanOrEqual(86_400_000);
    const bad = await fetch(`${sim.url}/_sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "explode" }) });
    expect(bad.status).toBe(400);
  });
});
