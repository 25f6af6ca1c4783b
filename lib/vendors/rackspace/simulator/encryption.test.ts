// Encryption: agents carry real 2048-bit RSA public keys; vault passphrases travel RSA-encrypted (PKCS#1 v1.5,
// hex) and the simulator decrypts them with the agent's private key before it accepts them.
import { createPublicKey, publicEncrypt, constants } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  parseRackspaceBoolean,
  rackspaceAgentListSchema,
  rackspaceAgentSchema,
  rackspaceBackupConfigurationListSchema,
  rackspaceCompletedBackupListSchema,
  rackspaceEncryptionResponseSchema,
  rackspaceRestoreReportSchema,
  rackspaceRestoreSchema,
  type RackspaceAgent,
  type RackspacePublicKey,
} from "../schemas";
import { encryptPasswordForAgent } from "./keys";
import { login, serve, type ApiClient, type ServedSimulator } from "./testing";

let served: ServedSimulator;
let api: ApiClient;
let agents: RackspaceAgent[];

function keyOf(agent: RackspaceAgent | undefined): RackspacePublicKey {
  if (!agent?.PublicKey) throw new Error("agent without a public key");
  return agent.PublicKey;
}

/** An Online agent with a completed backup, encrypted or not, and that backup's id. */
async function agentWithBackup(encrypted: boolean): Promise<{ agent: RackspaceAgent; backupId: number }> {
  const configurations = await api.json("/backup-configuration", rackspaceBackupConfigurationListSchema);
  for (const agent of agents) {
    if (parseRackspaceBoolean(agent.IsEncrypted) !== encrypted || agent.Status !== "Online" || parseRackspaceBoolean(agent.IsDisabled)) continue;
    for (const configuration of configurations.filter((c) => c.MachineAgentId === agent.MachineAgentId)) {
      const completed = await api.json(`/backup/completed/${configuration.BackupConfigurationId}`, rackspaceCompletedBackupListSchema);
      const last = completed.at(-1);
      if (last) return { agent, backupId: Number(last.BackupId) };
    }
  }
  throw new Error(`no ${encrypted ? "encrypted" : "unencrypted"} agent with a completed backup`);
}

async function newRestore(backupId: number, agentId: number): Promise<{ id: number; key: RackspacePublicKey }> {
  const created = await api.request("PUT", "/restore", {
    BackupId: backupId,
    BackupMachineId: agentId,
    DestinationMachineId: agentId,
    DestinationPath: "/restore-test",
    OverwriteFiles: false,
  });
  expect(created.status, created.text).toBe(200);
  const restore = rackspaceRestoreSchema.parse(created.json());
  const file = await api.request("PUT", "/restore/files", { FilePath: "/etc", Filter: "1", ParentId: restore.RestoreId, FileItemType: "1" });
  expect(file.status).toBe(200);
  if (!restore.PublicKey) throw new Error("restore without PublicKey");
  return { id: Number(restore.RestoreId), key: restore.PublicKey };
}

beforeAll(async () => {
  served = await serve({ seed: 8, endpoints: 30 });
  api = await login(served.url);
  const list = await api.json("/user/agents", rackspaceAgentListSchema);
  agents = [];
  for (const agent of list) agents.push(await api.json(`/agent/${agent.MachineAgentId}`, rackspaceAgentSchema));
});

afterAll(() => served.close());

describe("public keys", () => {
  it("every agent has a distinct 2048-bit RSA key with exponent 65537 that node:crypto accepts", () => {
    const moduli = agents.map((agent) => keyOf(agent).ModulusHex);
    expect(new Set(moduli).size).toBe(agents.length);
    for (const agent of agents) {
      const key = keyOf(agent);
      expect(key.ExponentHex).toBe("10001");
      expect(key.ModulusHex).toMatch(/^[0-9a-f]{512}$/);
      const jwk = createPublicKey({
        format: "jwk",
        key: { kty: "RSA", n: Buffer.from(key.ModulusHex, "hex").toString("base64url"), e: "AQAB" },
      }).export({ format: "jwk" });
      expect(jwk.n).toBeDefined();
    }
  });
});

describe("enable encryption and change the password", () => {
  it("refuses a password encrypted with another agent's key, accepts the agent's own, then only once", async () => {
    const [target, other] = agents.filter((agent) => !parseRackspaceBoolean(agent.IsEncrypted));
    if (!target || !other) throw new Error("need two unencrypted agents");
    const wrongKey = await api.request("POST", "/agent/encrypt", {
      MachineAgentId: target.MachineAgentId,
      EncryptedPasswordHex: encryptPasswordForAgent(keyOf(other), "secret one"),
    });
    expect(wrongKey.status).toBe(400);
    const plain = await api.request("POST", "/agent/encrypt", { MachineAgentId: target.MachineAgentId, EncryptedPasswordHex: "secret one" });
    expect(plain.status).toBe(400);

    const ok = await api.request("POST", "/agent/encrypt", {
      MachineAgentId: target.MachineAgentId,
      EncryptedPasswordHex: encryptPasswordForAgent(keyOf(target), "secret one"),
    });
    expect(ok.status).toBe(200);
    expect(rackspaceEncryptionResponseSchema.safeParse(ok.json()).success).toBe(true);
    const details = await api.json(`/agent/${target.MachineAgentId}`, rackspaceAgentSchema);
    expect(details.IsEncrypted).toBe(true);
    expect(details.PublicKey).toEqual(target.PublicKey);

    const again = await api.request("POST", "/agent/encrypt", {
      MachineAgentId: target.MachineAgentId,
      EncryptedPasswordHex: encryptPasswordForAgent(keyOf(target), "secret two"),
    });
    expect(again.status).toBe(400);

    const wrongOld = await api.request("POST", "/agent/changeencryption", {
      MachineAgentId: target.MachineAgentId,
      OldEncryptedPasswordHex: encryptPasswordForAgent(keyOf(target), "not the password"),
      NewEncryptedPasswordHex: encryptPasswordForAgent(keyOf(target), "secret two"),
    });
    expect(wrongOld.status).toBe(403);
    const changed = await api.request("POST", "/agent/changeencryption", {
      MachineAgentId: target.MachineAgentId,
      OldEncryptedPasswordHex: encryptPasswordForAgent(keyOf(target), "secret one"),
      NewEncryptedPasswordHex: encryptPasswordForAgent(keyOf(target), "secret two"),
    });
    expect(changed.status).toBe(200);
  });

  it("only accepts PKCS#1 v1.5: the same password under OAEP is refused", async () => {
    const target = agents.filter((agent) => !parseRackspaceBoolean(agent.IsEncrypted))[2];
    const key = keyOf(target);
    const publicKey = createPublicKey({
      format: "jwk",
      key: { kty: "RSA", n: Buffer.from(key.ModulusHex, "hex").toString("base64url"), e: "AQAB" },
    });
    const oaep = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, Buffer.from("secret")).toString("hex");
    const response = await api.request("POST", "/agent/encrypt", { MachineAgentId: target?.MachineAgentId, EncryptedPasswordHex: oaep });
    expect(response.status).toBe(400);
  });
});

describe("restoring an encrypted vault", () => {
  it("needs the vault passphrase encrypted with the restore's PublicKey", async () => {
    const { agent, backupId } = await agentWithBackup(true);
    const passphrase = `passphrase-${agent.MachineAgentId}`;
    const restore = await newRestore(backupId, Number(agent.MachineAgentId));
    expect(restore.key.ModulusHex.toLowerCase()).toBe(keyOf(agent).ModulusHex);
    const start = (EncryptedPassword?: string) =>
      api.request("POST", "/restore/action-requested", { Action: "StartManual", Id: restore.id, EncryptedPassword });

    expect((await start()).status).toBe(400);
    expect((await start(passphrase)).status).toBe(403);
    const otherKey = keyOf(agents.find((candidate) => candidate.MachineAgentId !== agent.MachineAgentId));
    expect((await start(encryptPasswordForAgent(otherKey, passphrase))).status).toBe(403);
    expect((await start(encryptPasswordForAgent(restore.key, "wrong passphrase"))).status).toBe(403);
    expect((await api.get(`/restore/report/${restore.id}`)).status).toBe(404);

    expect((await start(encryptPasswordForAgent(restore.key, passphrase))).status).toBe(204);
    await served.advance(6 * 3_600_000);
    const report = rackspaceRestoreReportSchema.parse((await api.get(`/restore/report/${restore.id}`)).json());
    expect(["Completed", "CompletedWithErrors"]).toContain(report.State);
    expect(Number(report.NumFilesRestored)).toBeGreaterThan(0);
    expect(report.CompletedTime).not.toBeNull();
  });

  it("needs no password for an unencrypted vault", async () => {
    const { agent, backupId } = await agentWithBackup(false);
    const restore = await newRestore(backupId, Number(agent.MachineAgentId));
    const started = await api.request("POST", "/restore/action-requested", { Action: "StartManual", Id: restore.id });
    expect(started.status).toBe(204);
  });
});
