// Key rotation: make a new key current, then re-encrypt every stored secret under it. Instances still
// running keep reading: old key versions stay in the ring, and a reader that meets an unknown version
// reloads the ring. Each row is updated only if nobody changed it meanwhile (compare-and-set).
import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { addKeyVersion, loadKeyring } from "./keyring";
import { connectionSecretContext, decryptSecret, encryptSecret, reloadKeyring } from "./vault";

export interface RotationResult {
  fromVersion: number;
  toVersion: number;
  reencrypted: number;
  /** Rows whose secret could not be decrypted (damaged, or sealed with a key no longer in the ring): left as they are. */
  failed: string[];
}

/** `newKey`: add a key version first (file key ring); without it, only re-encrypt under the current key. */
export async function rotateVaultKey(actor: Actor, options: { newKey: boolean }): Promise<RotationResult> {
  const before = loadKeyring();
  if (options.newKey) addKeyVersion(before);
  const ring = reloadKeyring();

  let reencrypted = 0;
  const failed: string[] = [];
  const stale = await db().connection.findMany({
    where: { secretKeyVersion: { not: ring.current } },
    select: { id: true, vendor: true, secretBaseUrl: true, secretCiphertext: true },
  });
  for (const row of stale) {
    const context = connectionSecretContext(row);
    let plaintext: string;
    try {
      plaintext = decryptSecret(row.secretCiphertext, context);
    } catch {
      failed.push(row.id);
      continue;
    }
    const sealed = encryptSecret(plaintext, context);
    const { count } = await db().connection.updateMany({
      where: { id: row.id, secretCiphertext: row.secretCiphertext },
      data: { secretCiphertext: sealed.ciphertext, secretKeyVersion: sealed.keyVersion },
    });
    reencrypted += count;
  }
  const result = { fromVersion: before.current, toVersion: ring.current, reencrypted, failed };
  await recordAudit(actor, { action: "vault.rotate", outcome: failed.length ? "failure" : "success", target: { type: "vault", label: `key v${ring.current}` }, details: { ...result } });
  return result;
}
