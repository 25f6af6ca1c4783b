// The master keys of the credential vault. A key ring holds every key version still needed to read old
// records; the current version encrypts new ones. It comes from APP_ENCRYPTION_KEY or, when that is unset,
// from `<DATA_DIR>/keys.json`, generated on first use with owner-only permissions.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { dataDir, readOrCreateSecretFile } from "@/lib/data-dir";

export interface Keyring {
  current: number;
  keys: Map<number, Buffer>;
  source: "env" | "file";
}

const KEYRING_FILE = "keys.json";

const keyringFileSchema = z.object({
  current: z.number().int().positive(),
  keys: z.record(z.string().regex(/^\d+$/), z.string()),
});

function decodeKey(base64: string, label: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error(`${label}: a vault key must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
  return key;
}

/** `APP_ENCRYPTION_KEY` is either one base64 key (version 1) or `3:<b64>,2:<b64>` with the current key first. */
export function parseKeyringEnv(value: string): Keyring {
  const entries = value.split(",").map((part) => part.trim()).filter(Boolean);
  const keys = new Map<number, Buffer>();
  let current = 0;
  for (const entry of entries) {
    const match = /^(\d+):(.+)$/.exec(entry);
    const version = match ? Number(match[1]) : 1;
    if (!match && entries.length > 1) throw new Error("APP_ENCRYPTION_KEY: with several keys, write each as <version>:<base64>");
    keys.set(version, decodeKey(match ? match[2]! : entry, `APP_ENCRYPTION_KEY version ${version}`));
    if (current === 0) current = version;
  }
  if (current === 0) throw new Error("APP_ENCRYPTION_KEY is empty");
  return { current, keys, source: "env" };
}

function keyringFromFile(text: string): Keyring {
  const parsed = keyringFileSchema.parse(JSON.parse(text));
  const keys = new Map<number, Buffer>();
  for (const [version, b64] of Object.entries(parsed.keys)) keys.set(Number(version), decodeKey(b64, `${KEYRING_FILE} version ${version}`));
  if (!keys.has(parsed.current)) throw new Error(`${KEYRING_FILE}: the current version ${parsed.current} has no key`);
  return { current: parsed.current, keys, source: "file" };
}

function serialize(ring: Keyring): string {
  const keys = Object.fromEntries([...ring.keys].map(([v, k]) => [String(v), k.toString("base64")]));
  return JSON.stringify({ current: ring.current, keys }, null, 2);
}

export function loadKeyring(): Keyring {
  const fromEnv = env().APP_ENCRYPTION_KEY;
  if (fromEnv) return parseKeyringEnv(fromEnv);
  const text = readOrCreateSecretFile(
    KEYRING_FILE,
    () => serialize({ current: 1, keys: new Map([[1, randomBytes(32)]]), source: "file" }),
    "Generated a vault master key in the data directory. Back it up with the database, or set APP_ENCRYPTION_KEY: without it the stored vendor credentials cannot be read.",
  );
  return keyringFromFile(text);
}

/**
 * Adds a new key version to the file key ring and makes it current; older keys stay so that records not
 * yet re-encrypted (and other running instances) can still be read. The file is replaced atomically.
 */
export function addKeyVersion(ring: Keyring): Keyring {
  if (ring.source !== "file") {
    throw new Error(
      "The vault key comes from APP_ENCRYPTION_KEY: put the new key first (APP_ENCRYPTION_KEY=<new version>:<new key>,<old version>:<old key>) on every instance, then run keys:rotate to re-encrypt.",
    );
  }
  const next = Math.max(...ring.keys.keys()) + 1;
  const rotated: Keyring = { current: next, keys: new Map([...ring.keys, [next, randomBytes(32)]]), source: "file" };
  const file = path.join(dataDir(), KEYRING_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, serialize(rotated), { mode: 0o600 });
  fs.renameSync(temp, file);
  return rotated;
}
