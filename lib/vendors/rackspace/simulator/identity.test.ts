// Identity v2.0 tokens and what the backup API does with them: catalog endpoints that work, 401 for missing,
// unknown and expired tokens (and the harness's expire-token fault), and tenant isolation (404).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RACKSPACE_REGIONS,
  rackspaceAgentListSchema,
  rackspaceAuthResponseSchema,
  rackspaceBackupConfigurationListSchema,
} from "../schemas";
import { authenticate, login, serve, TEST_START, type ServedSimulator } from "./testing";

const ALICE = { username: "alice", apiKey: "alice-key" };
const BOB = { username: "bob", apiKey: "bob-key", password: "bob-password" };

let served: ServedSimulator;

beforeAll(async () => {
  served = await serve({ seed: 3, endpoints: 7, accounts: [ALICE, BOB], tokenLifetimeMs: 60 * 60_000 });
});

afterAll(() => served.close());

describe("POST /v2.0/tokens", () => {
  it("returns a token, its expiry, the tenant and a catalog whose cloudBackup endpoints cover every region", async () => {
    const response = await authenticate(served.url, ALICE.username, ALICE.apiKey);
    expect(response.status).toBe(200);
    const { access } = rackspaceAuthResponseSchema.parse(await response.json());
    expect(access.token.id).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(access.token.expires)).toBe(TEST_START + 60 * 60_000);
    expect(access.token["RAX-AUTH:authenticatedBy"]).toEqual(["APIKEY"]);
    const backup = access.serviceCatalog.find((service) => service.type === "rax:backup");
    expect(backup?.name).toBe("cloudBackup");
    expect(backup?.endpoints.map((endpoint) => endpoint.region)).toEqual([...RACKSPACE_REGIONS]);
    for (const endpoint of backup?.endpoints ?? []) {
      expect(endpoint.tenantId).toBe(access.token.tenant.id);
      expect(endpoint.publicURL).toBe(`${served.url}/${endpoint.region?.toLowerCase()}/v1.0/${access.token.tenant.id}`);
    }
  });

  it("every region's endpoint serves the same global list of the tenant's agents", async () => {
    const api = await login(served.url, ALICE.username, ALICE.apiKey);
    const lists = await Promise.all(
      RACKSPACE_REGIONS.map(async (region) => (await api.request("GET", "/user/agents", undefined, { region })).text),
    );
    expect(new Set(lists).size).toBe(1);
    expect(rackspaceAgentListSchema.parse(JSON.parse(lists[0] ?? "[]"))).toHaveLength(4);
  });

  it("accepts password credentials", async () => {
    const response = await fetch(`${served.url}/v2.0/tokens`, {
      method: "POST",
      body: JSON.stringify({ auth: { passwordCredentials: { username: BOB.username, password: BOB.password } } }),
    });
    expect(response.status).toBe(200);
    const { access } = rackspaceAuthResponseSchema.parse(await response.json());
    expect(access.token["RAX-AUTH:authenticatedBy"]).toEqual(["PASSWORD"]);
  });

  it("hands out the same token again while it is valid", async () => {
    const first = rackspaceAuthResponseSchema.parse(await (await authenticate(served.url, BOB.username, BOB.apiKey)).json());
    const second = rackspaceAuthResponseSchema.parse(await (await authenticate(served.url, BOB.username, BOB.apiKey)).json());
    expect(second.access.token.id).toBe(first.access.token.id);
  });

  it("answers bad credentials with Identity's 401 body", async () => {
    const response = await authenticate(served.url, ALICE.username, "wrong-key");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      unauthorized: { code: 401, message: "Unable to authenticate user with credentials provided." },
    });
  });

  it("answers a malformed body with 400 badRequest", async () => {
    const response = await fetch(`${served.url}/v2.0/tokens`, { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ badRequest: { code: 400, message: "Invalid json request body" } });
  });
});

describe("X-Auth-Token on the backup API", () => {
  it("is required and must be known", async () => {
    const api = await login(served.url, ALICE.username, ALICE.apiKey);
    const url = `${api.endpoint()}/user/agents`;
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ Message: "Authorization has been denied for this request." });
    expect((await fetch(url, { headers: { "X-Auth-Token": "0".repeat(32) } })).status).toBe(401);
  });

  it("expires with the token lifetime; authenticating again gives a new token that works", async () => {
    const own = await serve({ seed: 3, endpoints: 2, tokenLifetimeMs: 60_000 });
    try {
      const api = await login(own.url);
      expect((await api.get("/user/agents")).status).toBe(200);
      await own.advance(61_000);
      expect((await api.get("/user/agents")).status).toBe(401);
      const again = await login(own.url);
      expect(again.token).not.toBe(api.token);
      expect((await again.get("/user/agents")).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it("is refused while the harness's expire-token fault is active", async () => {
    const api = await login(served.url, ALICE.username, ALICE.apiKey);
    const fault = await fetch(`${served.url}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ route: "*/user/agents", kind: "expire-token", count: 1 }),
    });
    expect(fault.status).toBe(201);
    expect((await api.get("/user/agents")).status).toBe(401);
    expect((await api.get("/user/agents")).status).toBe(200);
  });
});

describe("tenant isolation", () => {
  it("splits the agents evenly between the accounts, each in its own tenant", async () => {
    const alice = await login(served.url, ALICE.username, ALICE.apiKey);
    const bob = await login(served.url, BOB.username, BOB.apiKey);
    expect(alice.tenantId).not.toBe(bob.tenantId);
    const aliceAgents = await alice.json("/user/agents", rackspaceAgentListSchema);
    const bobAgents = await bob.json("/user/agents", rackspaceAgentListSchema);
    expect([aliceAgents.length, bobAgents.length]).toEqual([4, 3]);
    const aliceIds = new Set(aliceAgents.map((agent) => agent.MachineAgentId));
    expect(bobAgents.some((agent) => aliceIds.has(agent.MachineAgentId))).toBe(false);
  });

  it("answers 404 for another tenant's ids and for a token used on another tenant's path", async () => {
    const alice = await login(served.url, ALICE.username, ALICE.apiKey);
    const bob = await login(served.url, BOB.username, BOB.apiKey);
    const [aliceAgent] = await alice.json("/user/agents", rackspaceAgentListSchema);
    const [aliceConfiguration] = await alice.json("/backup-configuration", rackspaceBackupConfigurationListSchema);
    expect(aliceAgent && aliceConfiguration).toBeTruthy();
    // Bob's token, Bob's path, Alice's ids.
    expect((await bob.get(`/agent/${aliceAgent?.MachineAgentId}`)).status).toBe(404);
    expect((await bob.get(`/backup-configuration/${aliceConfiguration?.BackupConfigurationId}`)).status).toBe(404);
    expect((await bob.request("POST", "/agent/enable", { MachineAgentId: aliceAgent?.MachineAgentId, Enable: false })).status).toBe(404);
    // Bob's token on Alice's path.
    const onAlicePath = await fetch(`${alice.endpoint()}/user/agents`, { headers: { "X-Auth-Token": bob.token } });
    expect(onAlicePath.status).toBe(404);
  });

  it("answers 404 for a region that does not exist", async () => {
    const alice = await login(served.url, ALICE.username, ALICE.apiKey);
    const response = await fetch(`${served.url}/xyz/v1.0/${alice.tenantId}/user/agents`, { headers: { "X-Auth-Token": alice.token } });
    expect(response.status).toBe(404);
  });
});
