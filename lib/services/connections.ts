// Vendor connections and their secrets. The secret is write-only: it goes into the vault on create or
// replace, and only `getConnectionSecret` (for the vendor clients) ever decrypts it.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { connectionSecretContext, decryptSecret, encryptSecret } from "@/lib/vault/vault";
import { VENDOR_INFO, vendorSchema, type Vendor } from "@/lib/vendors/catalog";
import {
  createConnectionInputSchema,
  updateConnectionInputSchema,
  type ConnectionDto,
} from "@/lib/schemas/connections";
import { recordAudit } from "./audit";
import { connectionHealth } from "./connection-health";

type ConnectionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["connection"]["findUnique"]>>>;

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
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastSyncStatus: row.lastSyncStatus,
    lastSyncError: row.lastSyncError,
    stale: connectionHealth(row).stale,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
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
  // The id is chosen before encrypting so that the ciphertext can be bound to it.
  const id = randomUUID();
  const sealed = encryptSecret(data.secret, connectionSecretContext({ id, vendor: data.vendor }));
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
  const sealed = patch.secret !== undefined ? encryptSecret(patch.secret, connectionSecretContext(existing)) : undefined;
  const row = await db().connection.update({
    where: { id },
    data: {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.username !== undefined ? { username: patch.username } : {}),
      ...(patch.baseUrl !== undefined ? { baseUrl: patch.baseUrl } : {}),
      ...(patch.region !== undefined ? { region: patch.region } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.syncIntervalMinutes !== undefined ? { syncIntervalMinutes: patch.syncIntervalMinutes } : {}),
      ...(sealed ? { secretCiphertext: sealed.ciphertext, secretKeyVersion: sealed.keyVersion, secretUpdatedAt: new Date() } : {}),
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

/** The decrypted secret, for the vendor clients only. Never return it from a route. */
export async function getConnectionSecret(id: string): Promise<{ vendor: Vendor; username: string; secret: string }> {
  return connectionCredentials(await findOrThrow(id));
}

/** The same from a row already read (a sync reads its connection once). */
export function connectionCredentials(row: Pick<ConnectionRow, "id" | "vendor" | "username" | "secretCiphertext">): { vendor: Vendor; username: string; secret: string } {
  const vendor = vendorSchema.parse(row.vendor);
  return { vendor, username: row.username, secret: decryptSecret(row.secretCiphertext, connectionSecretContext(row)) };
}
