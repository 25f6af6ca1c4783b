import fs from "node:fs";
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { sqliteFilePath } from "@/lib/db/url";
import { rotateVaultKey } from "@/lib/vault/rotate";
import type { Actor } from "@/lib/auth/actor";
import { createConnection, deleteConnection, getConnectionSecret, listConnections, updateConnection } from "./connections";
import { listAuditEvents } from "./audit";

const admin: Actor = { type: "user", id: "u1", label: "admin@example.com", role: "admin", ip: "127.0.0.1" };
const SECRET = "Very-Secret-API-Password-9f3a";

describe.each(TEST_PROVIDERS)("connections on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("stores the secret only encrypted, returns it to no caller but the vendor client, and audits the change", async () => {
    const created = await createConnection(admin, { vendor: "msp360", name: "Main", username: "api-login", secret: SECRET });
    expect(JSON.stringify(created)).not.toContain(SECRET);
    expect(created).toMatchObject({ secretSet: true, effectiveBaseUrl: "https://api.mspbackups.com", baseUrl: null });
    expect(JSON.stringify(await listConnections())).not.toContain(SECRET);

    const row = await database.current.client.connection.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretCiphertext).not.toContain(SECRET);
    expect(await getConnectionSecret(created.id)).toEqual({ vendor: "msp360", username: "api-login", secret: SECRET, baseUrl: "https://api.mspbackups.com" });

    const events = await listAuditEvents({ limit: 10, action: "connection." });
    expect(events.items[0]).toMatchObject({ action: "connection.create", targetId: created.id, actorLabel: "admin@example.com", outcome: "success" });
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it("a ciphertext copied into another row does not decrypt there", async () => {
    const a = await createConnection(admin, { vendor: "msp360", name: "A", username: "a", secret: "secret-a" });
    const b = await createConnection(admin, { vendor: "msp360", name: "B", username: "b", secret: "secret-b" });
    const rowA = await database.current.client.connection.findUniqueOrThrow({ where: { id: a.id } });
    await database.current.client.connection.update({ where: { id: b.id }, data: { secretCiphertext: rowA.secretCiphertext } });
    await expect(getConnectionSecret(b.id)).rejects.toThrow(/could not be decrypted/);
  });

  it("replaces the secret, keeps it when not given, and validates vendor-specific fields", async () => {
    const c = await createConnection(admin, { vendor: "rackspace", name: "R", username: "u", secret: "first-key" });
    await updateConnection(admin, c.id, { name: "Renamed", region: "LON" });
    expect((await getConnectionSecret(c.id)).secret).toBe("first-key");
    const replaced = await updateConnection(admin, c.id, { secret: "second-key" });
    expect((await getConnectionSecret(c.id)).secret).toBe("second-key");
    expect(new Date(replaced.secretUpdatedAt).getTime()).toBeGreaterThanOrEqual(new Date(c.secretUpdatedAt).getTime());

    const m = await createConnection(admin, { vendor: "msp360", name: "M", username: "u", secret: "s" });
    await expect(updateConnection(admin, m.id, { region: "DFW" })).rejects.toThrow(/Only Rackspace/);
    await expect(createConnection(admin, { vendor: "msp360", name: "", username: "u", secret: "s" })).rejects.toThrow();
    await expect(createConnection(admin, { vendor: "msp360", name: "x", username: "u", secret: "s", baseUrl: "ftp://x" })).rejects.toThrow();
    await deleteConnection(admin, m.id);
    expect((await listConnections()).some((x) => x.id === m.id)).toBe(false);
  });

  it("re-encrypts every secret under a new key on rotation, and reports (without stopping) a secret it cannot read", async () => {
    const c = await createConnection(admin, { vendor: "msp360", name: "Rotate me", username: "u", secret: "rotate-secret" });
    const damaged = await createConnection(admin, { vendor: "msp360", name: "Damaged", username: "u", secret: "x" });
    await database.current.client.connection.update({ where: { id: damaged.id }, data: { secretCiphertext: "v1.AAAA.AAAA.AAAA" } });
    const before = await database.current.client.connection.findUniqueOrThrow({ where: { id: c.id } });
    const result = await rotateVaultKey(admin, { newKey: true });
    expect(result.toVersion).toBe(result.fromVersion + 1);
    expect(result.reencrypted).toBeGreaterThan(0);
    const after = await database.current.client.connection.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.secretKeyVersion).toBe(result.toVersion);
    expect(after.secretCiphertext).not.toBe(before.secretCiphertext);
    expect((await getConnectionSecret(c.id)).secret).toBe("rotate-secret");
    expect(result.failed).toContain(damaged.id);
    const stale = await database.current.client.connection.findMany({ where: { secretKeyVersion: { not: result.toVersion } } });
    expect(stale.every((row) => result.failed.includes(row.id))).toBe(true);
  });
});

describe("connections in the SQLite file", () => {
  const database = useTestDatabase("sqlite");

  it("never writes the secret in clear into the SQLite file or its WAL", async () => {
    await createConnection(admin, { vendor: "rackspace", name: "Rax", username: "raxuser", secret: SECRET, region: "DFW" });
    const file = sqliteFilePath(database.current.target.url);
    const sqlite = new Database(file);
    sqlite.pragma("wal_checkpoint(FULL)");
    sqlite.close();
    for (const candidate of [file, `${file}-wal`]) {
      if (fs.existsSync(candidate)) expect(fs.readFileSync(candidate).includes(SECRET), candidate).toBe(false);
    }
  });
});
