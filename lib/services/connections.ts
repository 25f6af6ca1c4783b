// Vendor connections and their secrets. The secret is write-only: it goes into the vault on create or
// replace, and only `getConnectionSecret` (for the vendor clients) ever decrypts it. A secret is bound to the
// base URL it was saved with (in its encryption and in `secretBaseUrl`): pointing a connection elsewhere takes
// the secret again, and nothing sends it to a URL it was not saved for. Base URLs follow the vendor URL policy.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { connectionSecretContext, decryptSecret, encryptSecret } from "@/lib/vault/vault";
import { VENDOR_INFO, vendorSchema, type Vendor } from "@/lib/vendors/catalog";
import { VendorError } from "@/lib/vendors/errors";
import { checkVendorUrl } from "@/lib/security/vendor-urls";
import { logger } from "@/lib/logger";
import {
  createConnectionInputSchema,
  updateConnectionInputSchema,
  type ConnectionDto,
} from "@/lib/schemas/connections";
import { recordAudit } from "./audit";
import { connectionHealth } from "./connection-health";

export type ConnectionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["connection"]["findUnique"]>>>;

export function toConnectionDto(row: ConnectionRow): ConnectionDto {
  const vendor = vendorSchema.parse(row.vendor);
  return {
    id: row.id,
    vendor,
    name: row.name,
    username: row.username,
    baseUrl: row.baseUrl,
    effectiveBaseUrl: row.baseUrl ?? VENDOR_INFO[vendor].defaultBaseUrl,
    region: row.region,
    enabled: row.enabled,
    isDemo: row.isDemo,
    secretSet: row.secretCiphertext.length > 0,
    secretUpdatedAt: row.secretUpdatedAt.toISOString(),
    syncIntervalMinutes: row.syncIntervalMinutes,
    unverifiedCalls: row.unverifiedCalls,
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastSyncStatus: row.lastSyncStatus,
    lastSyncError: row.lastSyncError,
    stale: connectionHealth(row).stale,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The URL requests go to: the connection's own, or its vendor's default. */
function effectiveBaseUrl(row: { vendor: string; baseUrl: string | null }): string {
  return row.baseUrl ?? VENDOR_INFO[vendorSchema.parse(row.vendor)].defaultBaseUrl;
}

/** Refuses (422, on the baseUrl field) a URL the vendor URL policy does not allow. */
function assertAllowedBaseUrl(url: string, vendor: Vendor, isDemo: boolean): void {
  const verdict = checkVendorUrl(url, { vendor, isDemo });
  if (!verdict.ok) throw new AppError("validation_failed", `This URL is not allowed: ${verdict.reason}`, [{ path: "baseUrl", message: verdict.reason }]);
}

function target(row: { id: string; name: string }) {
  return { type: "connection", id: row.id, label: row.name };
}

export async function listConnections(): Promise<ConnectionDto[]> {
  const rows = await db().connection.findMany({ orderBy: [{ vendor: "asc" }, { name: "asc" }] });
  return rows.map(toConnectionDto);
}

async function findOrThrow(id: string): Promise<ConnectionRow> {
  const row = await db().connection.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such connection.");
  return row;
}

export async function getConnection(id: string): Promise<ConnectionDto> {
  return toConnectionDto(await findOrThrow(id));
}

export async function createConnection(actor: Actor, input: unknown, options: { isDemo?: boolean } = {}): Promise<ConnectionDto> {
  const data = createConnectionInputSchema.parse(input);
  const secretBaseUrl = effectiveBaseUrl({ vendor: data.vendor, baseUrl: data.baseUrl ?? null });
  assertAllowedBaseUrl(secretBaseUrl, data.vendor, options.isDemo ?? false);
  // The id is chosen before encrypting so that the ciphertext can be bound to it (and to the URL).
  const id = randomUUID();
  const sealed = encryptSecret(data.secret, connectionSecretContext({ id, vendor: data.vendor, secretBaseUrl }));
  const row = await db().connection.create({
    data: {
      id,
      vendor: data.vendor,
      name: data.name,
      username: data.username,
      baseUrl: data.baseUrl ?? null,
      region: data.vendor === "rackspace" ? (data.region ?? null) : null,
      isDemo: options.isDemo ?? false,
      secretCiphertext: sealed.ciphertext,
      secretKeyVersion: sealed.keyVersion,
      secretUpdatedAt: new Date(),
      secretBaseUrl,
    },
  });
  await recordAudit(actor, {
    action: "connection.create",
    outcome: "success",
    target: target(row),
    details: { vendor: row.vendor, username: row.username, baseUrl: row.baseUrl, region: row.region, demo: row.isDemo },
  });
  return toConnectionDto(row);
}

export async function updateConnection(actor: Actor, id: string, input: unknown): Promise<ConnectionDto> {
  const patch = updateConnectionInputSchema.parse(input);
  const existing = await findOrThrow(id);
  if (patch.region !== undefined && patch.region !== null && existing.vendor !== "rackspace") {
    throw new AppError("validation_failed", "Only Rackspace connections have a region.", [{ path: "region", message: "Not used by this vendor." }]);
  }
  const vendor = vendorSchema.parse(existing.vendor);
  const nextBaseUrl = patch.baseUrl !== undefined ? effectiveBaseUrl({ vendor, baseUrl: patch.baseUrl }) : effectiveBaseUrl(existing);
  if (patch.baseUrl !== undefined) {
    assertAllowedBaseUrl(nextBaseUrl, vendor, existing.isDemo);
    // Like a password manager: a secret saved for one address is not handed to another without asking for it.
    if (nextBaseUrl !== (existing.secretBaseUrl ?? effectiveBaseUrl(existing)) && patch.secret === undefined) {
      throw new AppError("validation_failed", "The URL changed: enter the secret again. A stored secret is only ever sent to the URL it was saved for.", [
        { path: "secret", message: "Enter the secret again for the new URL." },
      ]);
    }
  }
  const sealed = patch.secret !== undefined ? encryptSecret(patch.secret, connectionSecretContext({ ...existing, secretBaseUrl: nextBaseUrl })) : undefined;
  const row = await db().connection.update({
    where: { id },
    data: {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.username !== undefined ? { username: patch.username } : {}),
      ...(patch.baseUrl !== undefined ? { baseUrl: patch.baseUrl } : {}),
      ...(patch.region !== undefined ? { region: patch.region } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.syncIntervalMinutes !== undefined ? { syncIntervalMinutes: patch.syncIntervalMinutes } : {}),
      ...(patch.unverifiedCalls !== undefined ? { unverifiedCalls: patch.unverifiedCalls } : {}),
      ...(sealed ? { secretCiphertext: sealed.ciphertext, secretKeyVersion: sealed.keyVersion, secretUpdatedAt: new Date(), secretBaseUrl: nextBaseUrl } : {}),
      // New credentials or a new endpoint: the cached vendor token belongs to the old ones.
      ...(sealed || patch.username !== undefined || patch.baseUrl !== undefined ? { tokenCiphertext: null, tokenExpiresAt: null } : {}),
    },
  });
  const changed = Object.keys(patch).filter((key) => key !== "secret");
  await recordAudit(actor, {
    action: patch.secret !== undefined && changed.length === 0 ? "connection.secret_replace" : "connection.update",
    outcome: "success",
    target: target(row),
    details: {
      fields: changed,
      secretReplaced: patch.secret !== undefined,
      ...Object.fromEntries(changed.map((key) => [key, patch[key as keyof typeof patch]])),
    },
  });
  return toConnectionDto(row);
}

export async function deleteConnection(actor: Actor, id: string): Promise<void> {
  const existing = await findOrThrow(id);
  await db().connection.delete({ where: { id } });
  await recordAudit(actor, { action: "connection.delete", outcome: "success", target: target(existing), details: { vendor: existing.vendor } });
}

/**
 * Rows saved before secrets were bound to their URL: bound now to the URL they point at (re-encrypted with it).
 * Runs at start-up; a row met later by getConnectionSecret is bound then. Compare-and-set, like key rotation.
 */
export async function bindSecretToBaseUrl(row: ConnectionRow): Promise<ConnectionRow> {
  if (row.secretBaseUrl !== null) return row;
  const secretBaseUrl = effectiveBaseUrl(row);
  const plaintext = decryptSecret(row.secretCiphertext, connectionSecretContext({ ...row, secretBaseUrl: null }));
  const sealed = encryptSecret(plaintext, connectionSecretContext({ ...row, secretBaseUrl }));
  await db().connection.updateMany({
    where: { id: row.id, secretCiphertext: row.secretCiphertext },
    data: { secretCiphertext: sealed.ciphertext, secretKeyVersion: sealed.keyVersion, secretBaseUrl },
  });
  return findOrThrow(row.id);
}

export async function bindLegacyConnectionSecrets(): Promise<number> {
  const rows = await db().connection.findMany({ where: { secretBaseUrl: null } });
  let bound = 0;
  for (const row of rows) {
    try {
      await bindSecretToBaseUrl(row);
      bound++;
    } catch (error) {
      logger.warn({ connectionId: row.id, err: error instanceof Error ? error.message : String(error) }, "could not bind a stored secret to its URL");
    }
  }
  return bound;
}

/**
 * The decrypted secret and the one base URL it may be sent to, for the vendor clients only. Never return it
 * from a route. Refuses (VendorError "refused_url") when the connection no longer points where the secret was
 * saved for: whatever changed the URL, the secret does not follow it.
 */
export async function getConnectionSecret(id: string): Promise<ConnectionCredentials> {
  return connectionCredentials(await findOrThrow(id));
}

export interface ConnectionCredentials {
  vendor: Vendor;
  username: string;
  secret: string;
  /** The one URL the secret may be sent to. */
  baseUrl: string;
}

/** The same from a row already read (a sync reads its connection once). */
export async function connectionCredentials(stored: ConnectionRow): Promise<ConnectionCredentials> {
  const row = await bindSecretToBaseUrl(stored);
  const vendor = vendorSchema.parse(row.vendor);
  const baseUrl = row.secretBaseUrl!;
  if (effectiveBaseUrl(row) !== baseUrl) {
    throw new VendorError(vendor, "refused_url", "the connection's URL changed after its secret was saved. Enter the secret again in Settings > Connections.");
  }
  return { vendor, username: row.username, secret: decryptSecret(row.secretCiphertext, connectionSecretContext(row)), baseUrl };
}
