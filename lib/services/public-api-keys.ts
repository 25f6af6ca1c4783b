// The admin side of the Public API: the on/off switch, API keys (shown once, stored as a hash), what each key is
// bound to, and each key's usage log. Every change is written to the audit log.
import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import {
  PAGING_PARAMETERS,
  RATE_LIMIT_PER_MINUTE,
  addBindingsInputSchema,
  createKeyInputSchema,
  updateKeyInputSchema,
  updateSettingsInputSchema,
  type BindingDto,
  type CreatedKeyDto,
  type KeyDto,
  type PublicApiSettings,
  type ResourceKind,
  type UsageEntryDto,
} from "@/lib/schemas/public-api";
import { generateKey } from "@/lib/public-api/keys";
import { filterColumns } from "@/lib/public-api/plan";
import { recordAudit } from "./audit";
import { resolveCustomer } from "./customer-groups";
import { findResource, resourcePlan } from "./public-api-resources";

export const ENABLED_SETTING = "publicApi.enabled";

export async function publicApiEnabled(): Promise<boolean> {
  const row = await db().appSetting.findUnique({ where: { key: ENABLED_SETTING } });
  return row?.value === "true";
}

export async function getSettings(): Promise<PublicApiSettings> {
  return { enabled: await publicApiEnabled(), rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, logRetentionDays: env().PUBLIC_API_LOG_DAYS };
}

export async function updateSettings(actor: Actor, input: unknown): Promise<PublicApiSettings> {
  const { enabled } = updateSettingsInputSchema.parse(input);
  const before = await publicApiEnabled();
  await db().appSetting.upsert({ where: { key: ENABLED_SETTING }, create: { key: ENABLED_SETTING, value: String(enabled) }, update: { value: String(enabled) } });
  if (before !== enabled) {
    await recordAudit(actor, { action: enabled ? "public_api.enable" : "public_api.disable", outcome: "success", target: { type: "setting", id: ENABLED_SETTING, label: "Enable Public API" } });
  }
  return getSettings();
}

type KeyRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["publicApiKey"]["findUnique"]>>>;

export function allowedIpsOf(row: { allowedIps: unknown }): string[] {
  return Array.isArray(row.allowedIps) ? row.allowedIps.filter((v): v is string => typeof v === "string") : [];
}

async function toKeyDtos(rows: KeyRow[]): Promise<KeyDto[]> {
  const ids = rows.map((r) => r.id);
  const customerIds = [...new Set(rows.map((r) => r.customerId).filter((id): id is string => !!id))];
  const [counts, customers] = await Promise.all([
    db().publicApiBinding.groupBy({ by: ["keyId", "resourceType"], where: { keyId: { in: ids } }, _count: { _all: true } }),
    Promise.all(customerIds.map(async (id) => ({ id, ref: await resolveCustomer(id) }))),
  ]);
  const count = (keyId: string, type: ResourceKind) => counts.find((c) => c.keyId === keyId && c.resourceType === type)?._count._all ?? 0;
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type,
    description: row.description,
    prefix: row.prefix,
    customer: row.customerId ? (customers.find((c) => c.id === row.customerId)?.ref ?? { id: row.customerId, name: null }) : null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: !!row.expiresAt && row.expiresAt.getTime() <= now,
    allowedIps: allowedIpsOf(row),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByLabel,
    datasetCount: count(row.id, "dataset"),
    widgetCount: count(row.id, "widget"),
  }));
}

export async function listKeys(): Promise<KeyDto[]> {
  return toKeyDtos(await db().publicApiKey.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
}

async function keyRow(id: string): Promise<KeyRow> {
  const row = await db().publicApiKey.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such API key.");
  return row;
}

async function checkCustomer(customerId: string | null | undefined): Promise<void> {
  if (!customerId) return;
  if (!(await db().mspCustomer.findUnique({ where: { id: customerId }, select: { id: true } }))) {
    throw new AppError("validation_failed", "There is no such customer.", [{ path: "customerId", message: "No such customer." }]);
  }
}

const target = (row: { id: string; name: string; prefix: string }) => ({ type: "public_api_key", id: row.id, label: `${row.name} (${row.prefix}…)` });

/** Creates a key; the answer carries the key itself, which is never shown again (only its hash is kept). */
export async function createKey(actor: Actor, input: unknown): Promise<CreatedKeyDto> {
  const data = createKeyInputSchema.parse(input);
  await checkCustomer(data.customerId);
  const { secret, prefix, hash } = generateKey();
  const row = await db().publicApiKey.create({
    data: {
      name: data.name,
      type: data.type,
      description: data.description,
      prefix,
      keyHash: hash,
      customerId: data.customerId,
      expiresAt: data.expiresAt ? new Date(data.expiresAt) : null,
      allowedIps: data.allowedIps,
      createdById: actor.id ?? null,
      createdByLabel: actor.label ?? null,
    },
  });
  await recordAudit(actor, {
    action: "public_api.key.create",
    outcome: "success",
    target: target(row),
    details: { customerId: data.customerId, expiresAt: data.expiresAt, allowedIps: data.allowedIps },
  });
  return { key: (await toKeyDtos([row]))[0]!, secret };
}

export async function updateKey(actor: Actor, id: string, input: unknown): Promise<KeyDto> {
  const data = updateKeyInputSchema.parse(input);
  const before = await keyRow(id);
  await checkCustomer(data.customerId);
  const row = await db().publicApiKey.update({
    where: { id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      ...(data.customerId !== undefined ? { customerId: data.customerId } : {}),
      ...(data.expiresAt !== undefined ? { expiresAt: data.expiresAt ? new Date(data.expiresAt) : null } : {}),
      ...(data.allowedIps !== undefined ? { allowedIps: data.allowedIps } : {}),
    },
  });
  await recordAudit(actor, {
    action: "public_api.key.update",
    outcome: "success",
    target: target(row),
    details: { changed: data, before: { customerId: before.customerId, expiresAt: before.expiresAt?.toISOString() ?? null, allowedIps: allowedIpsOf(before) } },
  });
  return (await toKeyDtos([row]))[0]!;
}

/** Removes a key: the next request with it is refused (its bindings and usage log go with it). */
export async function deleteKey(actor: Actor, id: string): Promise<void> {
  const row = await keyRow(id);
  await db().publicApiKey.delete({ where: { id } });
  await recordAudit(actor, { action: "public_api.key.delete", outcome: "success", target: target(row) });
}

export const endpointOf = (kind: ResourceKind, id: string) => `GET /api/${kind}/${id}`;

export async function listBindings(keyId: string): Promise<BindingDto[]> {
  await keyRow(keyId);
  const bindings = await db().publicApiBinding.findMany({ where: { keyId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const out: BindingDto[] = [];
  for (const binding of bindings) {
    const kind = binding.resourceType as ResourceKind;
    const resource = await findResource(kind, binding.resourceId);
    const plan = resource ? await resourcePlan(resource).catch(() => null) : null;
    out.push({
      resourceType: kind,
      resourceId: binding.resourceId,
      name: resource?.name ?? "(removed)",
      description: resource?.description ?? "",
      builtIn: resource?.builtIn ?? false,
      exists: !!plan,
      endpoint: endpointOf(kind, binding.resourceId),
      parameters: [
        ...PAGING_PARAMETERS,
        ...(plan ? filterColumns(plan) : []).map((c) => ({ name: c.name, type: c.type, description: `Filter on ${c.description.charAt(0).toLowerCase()}${c.description.slice(1)}` })),
      ],
      createdAt: binding.createdAt.toISOString(),
    });
  }
  return out;
}

export async function addBindings(actor: Actor, keyId: string, input: unknown): Promise<BindingDto[]> {
  const { resourceType, resourceIds } = addBindingsInputSchema.parse(input);
  const key = await keyRow(keyId);
  const unique = [...new Set(resourceIds)];
  for (const [i, id] of unique.entries()) {
    if (!(await findResource(resourceType, id))) throw new AppError("validation_failed", `There is no ${resourceType} "${id}".`, [{ path: `resourceIds.${i}`, message: "No such resource." }]);
  }
  const existing = new Set((await db().publicApiBinding.findMany({ where: { keyId, resourceType, resourceId: { in: unique } }, select: { resourceId: true } })).map((b) => b.resourceId));
  const added = unique.filter((id) => !existing.has(id));
  if (added.length) await db().publicApiBinding.createMany({ data: added.map((resourceId) => ({ keyId, resourceType, resourceId })) });
  if (added.length) await recordAudit(actor, { action: "public_api.binding.add", outcome: "success", target: target(key), details: { resourceType, resourceIds: added } });
  return listBindings(keyId);
}

export async function removeBinding(actor: Actor, keyId: string, resourceType: ResourceKind, resourceId: string): Promise<void> {
  const key = await keyRow(keyId);
  const { count } = await db().publicApiBinding.deleteMany({ where: { keyId, resourceType, resourceId } });
  if (count === 0) throw new AppError("not_found", "This key is not bound to that resource.");
  await recordAudit(actor, { action: "public_api.binding.remove", outcome: "success", target: target(key), details: { resourceType, resourceId } });
}

export async function listUsage(keyId: string, query: { page: number; pageSize: number }) {
  await keyRow(keyId);
  const where = { keyId };
  const [total, rows] = await Promise.all([
    db().publicApiRequest.count({ where }),
    db().publicApiRequest.findMany({ where, orderBy: { id: "desc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  const items: UsageEntryDto[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    status: r.status,
    outcome: r.outcome,
    ip: r.ip,
    durationMs: r.durationMs,
    rows: r.rows,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
