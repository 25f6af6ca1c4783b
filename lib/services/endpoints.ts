// Endpoints (MSP360 computers, Rackspace agents) of every vendor and customer.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { EndpointDetailDto, EndpointDto, EndpointListQuery, EndpointPageDto } from "@/lib/schemas/endpoints";
import { asStatus, asVendor, iso, noSuccessSince, orderByAge, paging, textContains } from "./listing";
import { configurationDto } from "./configurations";
import { runDto } from "./runs";
import { connectionHealth } from "./connection-health";
import { customerRef, customerRefSelect, customerWhere, withCustomerIds } from "./customer-groups";

const include = { customer: customerRefSelect, connection: { select: { id: true, name: true, lastSyncStatus: true, lastSyncError: true, lastSyncSuccessAt: true, syncIntervalMinutes: true } } } as const;

type EndpointRow = NonNullable<Awaited<ReturnType<typeof findEndpoint>>>;
function findEndpoint(id: string) {
  return db().endpoint.findUnique({ where: { id }, include });
}

export function endpointDto(row: EndpointRow): EndpointDto {
  return {
    id: row.id,
    vendor: asVendor(row.vendor),
    vendorId: row.vendorId,
    name: row.name,
    hostname: row.hostname,
    os: row.os,
    osVersion: row.osVersion,
    agentVersion: row.agentVersion,
    status: asStatus(row.status),
    online: row.online,
    enabled: row.enabled,
    lastSeenAt: iso(row.lastSeenAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    lastRunAt: iso(row.lastRunAt),
    storageBytes: row.storageBytes,
    region: row.region,
    removed: row.removedAt !== null,
    customer: customerRef(row.customer),
    connection: { id: row.connection.id, name: row.connection.name, ...connectionHealth(row.connection) },
  };
}
export async function listEndpoints(query: EndpointListQuery): Promise<EndpointPageDto> {
  const where = {
    removedAt: null,
    ...(query.vendor ? { vendor: query.vendor } : {}),
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(await customerWhere(query.customerId)),
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    AND: [
      query.noSuccessFor ? noSuccessSince(new Date(Date.now() - query.noSuccessFor * 3_600_000)) : {},
      query.q ? { OR: [{ name: textContains(query.q) }, { hostname: textContains(query.q) }, { customer: { mspCustomer: { name: textContains(query.q) } } }, { os: textContains(query.q) }] } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db().endpoint.count({ where }),
    db().endpoint.findMany({ where, include, orderBy: [query.sort === "lastSuccessAt" ? orderByAge(query.order) : { [query.sort]: query.order }, { id: "asc" as const }], ...paging(query) }),
  ]);
  return { items: rows.map(endpointDto), total, page: query.page, pageSize: query.pageSize };
}

export async function getEndpoint(id: string): Promise<EndpointDetailDto> {
  const row = await findEndpoint(id);
  if (!row) throw new AppError("not_found", "No such endpoint.");
  const [configurations, runs] = await Promise.all([
    db().backupConfiguration.findMany({ where: { endpointId: id, removedAt: null }, include: { endpoint: { select: { id: true, name: true } } }, orderBy: { name: "asc" } }),
    db().run.findMany({ where: { endpointId: id }, include: { configuration: { select: { id: true, name: true } }, endpoint: { select: { id: true, name: true } } }, orderBy: { startedAt: "desc" }, take: 50 }),
  ]);
  return { ...endpointDto(row), raw: row.raw, configurations: await withCustomerIds(configurations.map(configurationDto)), runs: await withCustomerIds(runs.map(runDto)) };
}
