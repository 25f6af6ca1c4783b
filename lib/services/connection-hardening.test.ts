// Secrets stay write-only: a stored secret goes only to the URL it was saved with, base URLs follow the vendor
// URL policy, and what another service answers never comes back to the user. A listening "collector" on
// loopback stands for the address an attacker would point a connection at.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { resetEnvCache } from "@/lib/env";
import { SimClock } from "@/lib/simulator-kit/clock";
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import { createMsp360Simulator } from "@/lib/vendors/msp360/simulator";
import { connectionSecretContext, encryptSecret } from "@/lib/vault/vault";
import { rotateVaultKey } from "@/lib/vault/rotate";
import { syncConnection } from "@/lib/sync/engine";
import * as connectionRoute from "@/app/api/v1/connections/[id]/route";
import * as testRoute from "@/app/api/v1/connections/[id]/test/route";
import { bindLegacyConnectionSecrets, createConnection, getConnectionSecret, updateConnection } from "./connections";

const admin = { type: "user" as const, id: "u1", label: "admin@example.com", role: "admin" as const };
const SECRET = "demo-password";

interface Collector {
  url: string;
  received: { method: string; path: string; body: string }[];
  /** What the collector answers: status and a raw body. */
  answer: { status: number; type: string; body: string };
  close(): Promise<void>;
}

async function startCollector(): Promise<Collector> {
  const collector = { received: [], answer: { status: 200, type: "application/json", body: "{}" } } as unknown as Collector;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      collector.received.push({ method: req.method ?? "", path: req.url ?? "", body });
      res.writeHead(collector.answer.status, { "content-type": collector.answer.type });
      res.end(collector.answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  collector.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  collector.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return collector;
}

describe.each(TEST_PROVIDERS)("connection secrets and URLs on %s", (provider) => {
  const database = useTestDatabase(provider);
  let sim: RunningSimulator;
  let collector: Collector;
  let cookie: string;

  beforeAll(async () => {
    sim = await serveSimulator(createMsp360Simulator({ seed: 5, endpoints: 4, clock: new SimClock() }));
    collector = await startCollector();
    cookie = await sessionCookie(await createUserRow(database.current.client, "admin"));
  });
  afterAll(async () => {
    await sim?.close();
    await collector?.close();
  });

  it("asks for the secret again when the URL changes, and never sends the stored one to the new URL", async () => {
    const created = await createConnection(admin, { vendor: "msp360", name: "Main", username: "demo", secret: SECRET, baseUrl: sim.url });
    expect((await syncConnection(created.id, "manual")).status).toMatch(/success|partial/);

    // Through the API, as an admin would: refused with a field message, nothing changed.
    const moved = await callRoute(connectionRoute.PATCH, { method: "PATCH", cookie, params: { id: created.id }, body: { baseUrl: collector.url } });
    expect(moved.status).toBe(422);
    expect(moved.json).toMatchObject({ error: { code: "validation_failed", details: [{ path: "secret", message: expect.stringMatching(/secret again/) }] } });
    expect((await database.current.client.connection.findUniqueOrThrow({ where: { id: created.id } })).baseUrl).toBe(sim.url);

    // Whatever else changes the URL (here the database itself), the secret does not follow it.
    await database.current.client.connection.update({ where: { id: created.id }, data: { baseUrl: collector.url, tokenCiphertext: null, tokenExpiresAt: null } });
    const sync = await syncConnection(created.id, "manual");
    expect(sync).toMatchObject({ status: "failed", error: expect.stringMatching(/URL changed after its secret was saved/) });
    const tested = await callRoute(testRoute.POST, { method: "POST", cookie, params: { id: created.id } });
    expect(tested.json).toMatchObject({ ok: false, kind: "refused_url" });
    expect(collector.received).toEqual([]);

    // Moving the URL in the database along with the secret's URL does not help either: the URL is in the encryption.
    await database.current.client.connection.update({ where: { id: created.id }, data: { secretBaseUrl: collector.url } });
    expect((await syncConnection(created.id, "manual")).status).toBe("failed");
    expect(collector.received).toEqual([]);
  });

  it("sends the new secret to the new URL when both are given", async () => {
    const created = await createConnection(admin, { vendor: "msp360", name: "Moving", username: "demo", secret: SECRET, baseUrl: collector.url });
    collector.received.length = 0;
    const updated = await updateConnection(admin, created.id, { baseUrl: sim.url, secret: SECRET });
    expect(updated.effectiveBaseUrl).toBe(sim.url);
    expect(await getConnectionSecret(created.id)).toMatchObject({ baseUrl: sim.url, secret: SECRET });
    expect((await syncConnection(created.id, "manual")).status).toMatch(/success|partial/);
    expect(collector.received).toEqual([]);
  });

  it("refuses loopback and metadata URLs at save time unless ALLOWED_VENDOR_URLS opens them", async () => {
    const saved = process.env.ALLOWED_VENDOR_URLS;
    delete process.env.ALLOWED_VENDOR_URLS;
    resetEnvCache();
    try {
      for (const baseUrl of ["http://127.0.0.1:6379", "http://2130706433/", "http://[::ffff:127.0.0.1]/", "http://localhost/", "http://169.254.169.254/latest"]) {
        await expect(createConnection(admin, { vendor: "msp360", name: "x", username: "u", secret: "s", baseUrl }), baseUrl).rejects.toMatchObject({
          code: "validation_failed",
          details: [{ path: "baseUrl" }],
        });
      }
      const existing = await createConnection(admin, { vendor: "msp360", name: "Default URL", username: "u", secret: "s" });
      await expect(updateConnection(admin, existing.id, { baseUrl: "http://169.254.169.254", secret: "s" })).rejects.toMatchObject({ code: "validation_failed" });
      // The scheduler checks again before sending: a row pointing inwards sends nothing.
      const inward = await createConnection(admin, { vendor: "msp360", name: "Inward", username: "u", secret: "s" });
      await database.current.client.connection.update({ where: { id: inward.id }, data: { baseUrl: collector.url } });
      await updateConnection(admin, inward.id, { secret: "s" }).catch(() => undefined);
      collector.received.length = 0;
      const sync = await syncConnection(inward.id, "manual");
      expect(sync.status).toBe("failed");
      expect(collector.received).toEqual([]);
    } finally {
      process.env.ALLOWED_VENDOR_URLS = saved;
      resetEnvCache();
    }
  });

  it("binds secrets stored before the binding existed to their URL, and key rotation keeps them readable", async () => {
    const id = crypto.randomUUID();
    const legacy = encryptSecret("legacy-secret", connectionSecretContext({ id, vendor: "msp360" }));
    await database.current.client.connection.create({
      data: { id, vendor: "msp360", name: "Legacy", username: "u", baseUrl: sim.url, secretCiphertext: legacy.ciphertext, secretKeyVersion: legacy.keyVersion, secretUpdatedAt: new Date() },
    });
    expect(await bindLegacyConnectionSecrets()).toBeGreaterThanOrEqual(1);
    const row = await database.current.client.connection.findUniqueOrThrow({ where: { id } });
    expect(row.secretBaseUrl).toBe(sim.url);
    expect(row.secretCiphertext).not.toBe(legacy.ciphertext);
    expect(await getConnectionSecret(id)).toMatchObject({ secret: "legacy-secret", baseUrl: sim.url });
    await rotateVaultKey(admin, { newKey: true });
    expect((await getConnectionSecret(id)).secret).toBe("legacy-secret");
  });

  it("checks the URLs Rackspace's identity catalog hands out with the same policy: nothing goes to one it refuses", async () => {
    // An identity service (allowed) whose catalog points the backup API at another loopback address (not allowed).
    const inner = http.createServer((req, res) => {
      innerHits.push(`${req.method} ${req.url} ${req.headers["x-auth-token"] ?? ""}`);
      res.end("[]");
    });
    const innerHits: string[] = [];
    await new Promise<void>((resolve) => inner.listen(0, "127.0.0.2", resolve));
    const innerUrl = `http://127.0.0.2:${(inner.address() as AddressInfo).port}`;
    try {
      collector.answer = {
        status: 200,
        type: "application/json",
        body: JSON.stringify({
          access: {
            token: { id: "token-1", expires: new Date(Date.now() + 86_400_000).toISOString(), tenant: { id: "123", name: "123" } },
            serviceCatalog: [{ name: "cloudBackup", type: "rax:backup", endpoints: [{ region: "DFW", tenantId: "123", publicURL: `${innerUrl}/v1.0/123` }] }],
            user: { id: "u", name: "demo", roles: [] },
          },
        }),
      };
      const created = await createConnection(admin, { vendor: "rackspace", name: "Catalog", username: "demo", secret: "api-key", baseUrl: `${collector.url}/v2.0` });
      const tested = await callRoute(testRoute.POST, { method: "POST", cookie, params: { id: created.id } });
      expect(tested.json).toMatchObject({ ok: false, kind: "refused_url", message: expect.stringMatching(/127\.0\.0\.2 is a loopback address/) });
      expect(innerHits).toEqual([]);
    } finally {
      collector.answer = { status: 200, type: "application/json", body: "{}" };
      inner.closeAllConnections();
      await new Promise((resolve) => inner.close(resolve));
    }
  });

  it("passes on only a vendor's own short message, never another service's body", async () => {
    const created = await createConnection(admin, { vendor: "msp360", name: "Probe", username: "u", secret: "s", baseUrl: collector.url });
    const internal = [
      { status: 400, type: "text/html", body: "<html><title>Jenkins</title>internal-build-server token=abc</html>" },
      { status: 404, type: "text/plain", body: "redis_version:7.2.4 internal-build-server" },
      { status: 400, type: "application/json", body: JSON.stringify({ detail: "internal-build-server", nested: { message: "internal-build-server" } }) },
      { status: 401, type: "application/json", body: JSON.stringify({ Message: `internal-build-server ${"x".repeat(5000)}` }) },
    ];
    for (const answer of internal) {
      collector.answer = answer;
      const tested = await callRoute(testRoute.POST, { method: "POST", cookie, params: { id: created.id } });
      const message = (tested.json as { message: string }).message;
      if (answer.body.startsWith('{"Message"')) {
        // A vendor-shaped message is passed on, but short.
        expect(message.length).toBeLessThan(400);
      } else {
        expect(message, answer.body).not.toMatch(/internal-build-server|Jenkins|redis/);
      }
      const sync = await syncConnection(created.id, "manual");
      if (!answer.body.startsWith('{"Message"')) expect(sync).toMatchObject({ status: "failed", error: expect.not.stringMatching(/internal-build-server/) });
    }
    collector.answer = { status: 200, type: "application/json", body: "{}" };
  });
});
