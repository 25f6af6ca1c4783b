// The app survives `kill -9`: a second server on its own data directory is killed hard right after a write
// and in the middle of a sync, restarted, and everything written before the kill is still there; the sync
// that was cut off shows as interrupted and "Sync now" starts a new one at once.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, request, test } from "@playwright/test";
import { killHard, ownPort, startServer, waitForHealth } from "./server-process";

const PORT = ownPort(20);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-crash-"));
// Tests talk to nothing but loopback: the connections point at local ports, opened as an operator would.
const ENV = { ALLOWED_VENDOR_URLS: "http://127.0.0.1" };

/** A "vendor" that accepts connections and never answers: a sync against it stays running. */
async function hangingVendor(): Promise<{ url: string; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

type SyncStatus = { connection: { id: string }; recent: { id: string; status: string; error: string | null }[] }[];

test("data written before a kill -9 is there after the restart; a sync cut off is interrupted and Sync now starts at once", async () => {
  test.setTimeout(180_000);
  const vendor = await hangingVendor();
  let server = startServer(PORT, dataDir, ENV);
  try {
    await waitForHealth(BASE);
    const api = await request.newContext({ baseURL: BASE });
    expect((await api.post("/api/v1/setup", { data: { email: "crash@example.com", name: "Crash", password: "survives-kill-minus-nine" } })).status()).toBe(201);
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: "crash@example.com", password: "survives-kill-minus-nine", json: "true" } });
    const names = Array.from({ length: 20 }, (_, i) => `Connection ${i}`);
    for (const name of names) {
      const created = await api.post("/api/v1/connections", { data: { vendor: "msp360", name, username: "u", secret: `secret-${name}`, baseUrl: "http://127.0.0.1:9" } });
      expect(created.status()).toBe(201);
    }
    const hanging = await (await api.post("/api/v1/connections", { data: { vendor: "msp360", name: "Hanging", username: "u", secret: "s", baseUrl: vendor.url } })).json();
    const first = await api.post(`/api/v1/connections/${hanging.id}/sync`);
    expect(first.status()).toBe(202);
    const { syncRunId: cutOff } = await first.json();
    // While it runs, a second "Sync now" says so, with since when, instead of "started".
    const again = await api.post(`/api/v1/connections/${hanging.id}/sync`);
    expect(again.status()).toBe(409);
    expect((await again.json()).error.details.syncRunId).toBe(cutOff);
    killHard(server);

    server = startServer(PORT, dataDir, ENV);
    await waitForHealth(BASE);
    const listed = await (await api.get("/api/v1/connections")).json();
    expect(listed.map((c: { name: string }) => c.name).sort()).toEqual([...names, "Hanging"].sort());
    const health = await (await api.get("/api/health")).json();
    expect(health.database.ok).toBe(true);

    // At once, not after the dead server's lease would have run out: a new sync really runs. Sync now starts it,
    // unless the restarted app's own start-up sync of this overdue connection got there first (409 naming it).
    const now = await api.post(`/api/v1/connections/${hanging.id}/sync`);
    expect([202, 409]).toContain(now.status());
    const answer = await now.json();
    const running: string = now.status() === 202 ? answer.syncRunId : answer.error.details.syncRunId;
    if (now.status() === 202) expect(answer).toMatchObject({ started: true });
    expect(running).not.toBe(cutOff);
    const status = (await (await api.get("/api/v1/sync")).json()) as SyncStatus;
    const runs = status.find((c) => c.connection.id === hanging.id)!.recent;
    expect(runs.find((r) => r.id === cutOff)).toMatchObject({ status: "interrupted", error: expect.stringMatching(/Interrupted/) });
    expect(runs.find((r) => r.id === running)).toMatchObject({ status: "running" });
  } finally {
    killHard(server);
    vendor.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
