// Encrypts vendor secrets at rest with AES-256-GCM.
// Format: `v<keyVersion>.<nonce>.<ciphertext>.<tag>` (base64url). Each record gets a fresh random 96-bit nonce;
// the associated data (for a connection: its id and vendor) binds the ciphertext to its row, so a ciphertext
// copied into another row fails to decrypt instead of handing that row someone else's secret.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { loadKeyring, type Keyring } from "./keyring";

/** A stored secret that cannot be read. What went wrong stays in `reason` (for the log); people read what to do. */
export class VaultError extends AppError {
  constructor(readonly reason: string) {
    super("secret_unreadable", "The stored secret could not be decrypted: enter it again in Settings > Connections.");
    this.name = "VaultError";
  }
}

let ring: Keyring | undefined;

function keyring(): Keyring {
  ring ??= loadKeyring();
  return ring;
}

/** Forgets the loaded key ring (after a rotation, or in tests that change the key). */
export function reloadKeyring(): Keyring {
  ring = loadKeyring();
  return ring;
}

export function currentKeyVersion(): number {
  return keyring().current;
}

export interface SealedSecret {
  ciphertext: string;
  keyVersion: number;
}

export function encryptSecret(plaintext: string, associatedData: string): SealedSecret {
  const { current, keys } = keyring();
  const key = keys.get(current)!;
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  const parts = [nonce, body, tag].map((b) => b.toString("base64url"));
  return { ciphertext: `v${current}.${parts.join(".")}`, keyVersion: current };
}

export function keyVersionOf(ciphertext: string): number {
  const match = /^v(\d+)\./.exec(ciphertext);
  if (!match) throw new VaultError("not a vault ciphertext");
  return Number(match[1]);
}

export function decryptSecret(ciphertext: string, associatedData: string): string {
  const [versionPart, nonceB64, bodyB64, tagB64, ...rest] = ciphertext.split(".");
  if (!versionPart || !nonceB64 || bodyB64 === undefined || !tagB64 || rest.length) throw new VaultError("malformed vault ciphertext");
  const version = keyVersionOf(ciphertext);
  // Another instance may have rotated the key file since this one loaded it.
  const key = keyring().keys.get(version) ?? reloadKeyring().keys.get(version);
  if (!key) throw new VaultError(`vault key version ${version} is not available`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonceB64, "base64url"));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tagB64, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(bodyB64, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new VaultError("the secret could not be decrypted (wrong key or a ciphertext from another record)");
  }
}

/**
 * The associated data of a connection's secret: it cannot be moved to another connection or vendor, nor (once
 * bound, `secretBaseUrl` set) be used with another base URL: changing the URL in the database breaks decryption.
 */
export function connectionSecretContext(connection: { id: string; vendor: string; secretBaseUrl?: string | null }): string {
  const context = `connection:${connection.id}:${connection.vendor}`;
  return connection.secretBaseUrl ? `${context}:url:${connection.secretBaseUrl}` : context;
}
