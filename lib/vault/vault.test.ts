import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvCache } from "@/lib/env";
import { addKeyVersion, loadKeyring, parseKeyringEnv } from "./keyring";
import { decryptSecret, encryptSecret, keyVersionOf, reloadKeyring, VaultError } from "./vault";

afterEach(() => {
  delete process.env.APP_ENCRYPTION_KEY;
  resetEnvCache();
  reloadKeyring();
});

describe("vault", () => {
  it("round-trips a secret and never puts it in the ciphertext", () => {
    const sealed = encryptSecret("hunter2-super-secret", "connection:a:msp360");
    expect(sealed.ciphertext).not.toContain("hunter2");
    expect(decryptSecret(sealed.ciphertext, "connection:a:msp360")).toBe("hunter2-super-secret");
  });

  it("uses a fresh nonce per record, so equal secrets give different ciphertexts", () => {
    const a = encryptSecret("same", "ctx");
    const b = encryptSecret("same", "ctx");
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it("refuses a ciphertext moved to another row or vendor (associated data)", () => {
    const sealed = encryptSecret("secret", "connection:row-1:msp360");
    expect(() => decryptSecret(sealed.ciphertext, "connection:row-2:msp360")).toThrow(VaultError);
    expect(() => decryptSecret(sealed.ciphertext, "connection:row-1:rackspace")).toThrow(VaultError);
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = encryptSecret("secret", "ctx");
    const parts = sealed.ciphertext.split(".");
    const body = Buffer.from(parts[2]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[2] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), "ctx")).toThrow(VaultError);
  });

  it("generates the key file once, owner-only", () => {
    loadKeyring();
    const file = path.join(env().DATA_DIR, "keys.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const first = fs.readFileSync(file, "utf8");
    loadKeyring();
    expect(fs.readFileSync(file, "utf8")).toBe(first);
  });

  it("keeps old records readable after a rotation and seals new ones under the new version", () => {
    const old = encryptSecret("before rotation", "ctx");
    const rotated = addKeyVersion(loadKeyring());
    reloadKeyring();
    expect(rotated.current).toBe(keyVersionOf(old.ciphertext) + 1);
    const fresh = encryptSecret("after rotation", "ctx");
    expect(keyVersionOf(fresh.ciphertext)).toBe(rotated.current);
    expect(decryptSecret(old.ciphertext, "ctx")).toBe("before rotation");
    expect(decryptSecret(fresh.ciphertext, "ctx")).toBe("after rotation");
  });

  it("takes the key ring from APP_ENCRYPTION_KEY, current key first", () => {
    const k1 = randomBytes(32).toString("base64");
    const k2 = randomBytes(32).toString("base64");
    process.env.APP_ENCRYPTION_KEY = `1:${k1}`;
    resetEnvCache();
    reloadKeyring();
    const sealed = encryptSecret("env key", "ctx");
    expect(keyVersionOf(sealed.ciphertext)).toBe(1);

    process.env.APP_ENCRYPTION_KEY = `2:${k2},1:${k1}`;
    resetEnvCache();
    reloadKeyring();
    expect(decryptSecret(sealed.ciphertext, "ctx")).toBe("env key");
    expect(keyVersionOf(encryptSecret("x", "ctx").ciphertext)).toBe(2);
    expect(() => addKeyVersion(loadKeyring())).toThrow(/APP_ENCRYPTION_KEY/);
  });

  it("rejects keys of the wrong length with a message saying how to make one", () => {
    expect(() => parseKeyringEnv(Buffer.from("short").toString("base64"))).toThrow(/32 bytes/);
  });
});
