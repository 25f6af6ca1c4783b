// The demo end to end inside the app: install creates vault-backed connections, the in-app simulators
// accept exactly those credentials and serve the fleet, and removing the demo takes it all away.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { getConnectionSecret, listConnections } from "@/lib/services/connections";
import * as simRoute from "@/app/sim/[vendor]/[[...path]]/route";
import { DEMO_ENDPOINTS, demoStatus, installDemo, removeDemo } from "./install";

const admin = { type: "user" as const, id: "a", label: "admin@example.com", role: "admin" as const };
const ORIGIN = "http://127.0.0.1:3999";

function callSim(vendor: string, path: string, init: RequestInit = {}) {
  const segments = path.split("/").filter(Boolean);
  return simRoute.POST(new Request(`${ORIGIN}/sim/${vendor}/${segments.join("/")}`, init), {
    params: Promise.resolve({ vendor, path: segments }),
  });
}

describe("demo data", () => {
  useTestDatabase("sqlite");

  it("answers 404 before the demo is installed", async () => {
    expect((await callSim("msp360", "api/Provider/Login", { method: "POST" })).status).toBe(404);
  });

  it("installs two demo connections whose vault-stored credentials open the in-app simulators", async () => {
    const status = await installDemo(admin, ORIGIN);
    expect(status.installed).toBe(true);
    expect(status.connections.map((c) => [c.vendor, c.isDemo, c.baseUrl])).toEqual([
      ["msp360", true, `${ORIGIN}/sim/msp360`],
      ["rackspace", true, `${ORIGIN}/sim/rackspace/v2.0`],
    ]);

    const msp = await getConnectionSecret(status.connections[0]!.id);
    const login = await callSim("msp360", "api/Provider/Login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ UserName: msp.username, Password: msp.secret }),
    });
    expect(login.status).toBe(200);
    const { access_token } = (await login.json()) as { access_token: string };
    const computers = await simRoute.GET(new Request(`${ORIGIN}/sim/msp360/api/Computers/0/1000`, { headers: { authorization: `Bearer ${access_token}` } }), {
      params: Promise.resolve({ vendor: "msp360", path: ["api", "Computers", "0", "1000"] }),
    });
    expect(((await computers.json()) as { Count: number }).Count).toBe(DEMO_ENDPOINTS);

    const wrong = await callSim("msp360", "api/Provider/Login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ UserName: msp.username, Password: "guess" }),
    });
    expect(wrong.status).toBe(400);

    const rax = await getConnectionSecret(status.connections[1]!.id);
    const token = await callSim("rackspace", "v2.0/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: rax.username, apiKey: rax.secret } } }),
    });
    expect(token.status).toBe(200);
    const access = (await token.json()) as { access: { token: { tenant: { id: string; name: string } } } };
    expect(JSON.stringify(access)).toContain(`${ORIGIN}/sim/rackspace/`);

    // One demo customer has endpoints at both vendors: the tenant is named like an MSP360 company.
    const companies = await simRoute.GET(new Request(`${ORIGIN}/sim/msp360/api/Companies`, { headers: { authorization: `Bearer ${access_token}` } }), {
      params: Promise.resolve({ vendor: "msp360", path: ["api", "Companies"] }),
    });
    const names = ((await companies.json()) as { Name: string }[]).map((c) => c.Name);
    expect(access.access.token.tenant.name).not.toBe(access.access.token.tenant.id);
    expect(names).toContain(access.access.token.tenant.name);
  });

  it("keeps the simulators' control routes out of the public mount", async () => {
    expect((await callSim("msp360", "_sim/faults", { method: "POST", body: "{}" })).status).toBe(404);
    expect((await callSim("rackspace", "_sim/clock", { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("refuses a second install and removes everything in one step", async () => {
    await expect(installDemo(admin, ORIGIN)).rejects.toThrow(/already installed/);
    const removed = await removeDemo(admin);
    expect(removed).toEqual({ installed: false, connections: [], replay: null });
    expect((await listConnections()).filter((c) => c.isDemo)).toHaveLength(0);
    expect((await callSim("msp360", "api/Provider/Login", { method: "POST" })).status).toBe(404);
    expect((await demoStatus()).installed).toBe(false);
  });
});
