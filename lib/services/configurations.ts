// Backup configurations (MSP360 plans, Rackspace backup configurations) across vendors.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  configurationDetailsSchema,
  type ConfigurationDetailDto,
  type ConfigurationDto,
  type ConfigurationListQuery,
  type ConfigurationPageDto,
} from "@/lib/schemas/configurations";
import { asStatus, asVendor, iso, noSuccessSince, orderByAge, paging, textContains } from "./listing";
import { runDto } from "./runs";
import { customerWhere, withCustomerIds } from "./customer-groups";

const include = {
  endpoint: { select: { id: true, name: true } },
  connection: { select: { id: true, name: true } },
} as const;

interface ConfigurationRow {
  id: string;
  vendor: string;
  vendorId: string;
  name: string;
  type: string;
  enabled: boolean;
  scheduleKind: string;
  scheduleDescription: string;
  expectedIntervalMinutes: number | null;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastStatus: string;
  status: string;
  missedSince: Date | null;
  customerId: string | null;
  removedAt: Date | null;
  endpoint: { id: string; name: string };
}

/** When the next run should happen: the vendor's own next start, else the last success plus the interval. */
function expectedNextRun(row: ConfigurationRow): Date | null {
  if (row.removedAt) return null;
  if (row.nextRunAt) return row.nextRunAt;
  if (!row.expectedIntervalMinutes || !row.enabled) return null;
  const from = row.lastSuccessAt ?? row.lastRunAt;
  return from ? new Date(from.getTime() + row.expectedIntervalMinutes * 60_000) : null;
}

export function configurationDto(row: ConfigurationRow): ConfigurationDto {
  return {
    id: row.id,
    vendor: asVendor(row.vendor),
    vendorId: row.vendorId,
    name: row.name,
    type: row.type,
    enabled: row.enabled,
    schedule: { kind: row.scheduleKind, description: row.scheduleDescription, expectedIntervalMinutes: row.expectedIntervalMinutes },
    lastStatus: asStatus(row.lastStatus),
    status: asStatus(row.status),
    missedSince: iso(row.missedSince),
    lastRunAt: iso(row.lastRunAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    nextRunAt: iso(expectedNextRun(row)),
    removed: row.removedAt !== null,
    endpoint: row.endpoint,
    customerId: row.customerId,
  };
}
export async function listConfigurations(query: ConfigurationListQuery): Promise<ConfigurationPageDto> {
  const where = {
    removedAt: null,
    ...(query.vendor ? { vendor: query.vendor } : {}),
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(await customerWhere(query.customerId)),
    ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    ...(query.enabled !== undefined ? { enabled: query.enabled } : {}),
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    AND: [
      query.noSuccessFor ? noSuccessSince(new Date(Date.now() - query.noSuccessFor * 3_600_000)) : {},
      query.q ? { OR: [{ name: textContains(query.q) }, { endpoint: { name: textContains(query.q) } }] } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db().backupConfiguration.count({ where }),
    db().backupConfiguration.findMany({ where, include, orderBy: [query.sort === "lastSuccessAt" ? orderByAge(query.order) : { [query.sort]: query.order }, { id: "asc" as const }], ...paging(query) }),
  ]);
  return { items: await withCustomerIds(rows.map((row) => ({ ...configurationDto(row), connection: row.connection }))), total, page: query.page, pageSize: query.pageSize };
}

export async function getConfiguration(id: string): Promise<ConfigurationDetailDto> {
  const row = await db().backupConfiguration.findUnique({ where: { id }, include });
  if (!row) throw new AppError("not_found", "No such backup configuration.");
  const runs = await db().run.findMany({
    where: { configurationId: id },
    include: { configuration: { select: { id: true, name: true } }, endpoint: { select: { id: true, name: true } } },
    orderBy: { startedAt: "desc" },
    take: 50,
  });
  const details = configurationDetailsSchema.safeParse(row.details);
  const [dto] = await withCustomerIds([{ ...configurationDto(row), connection: row.connection }]);
  return { ...dto!, details: details.success ? details.data : null, raw: row.raw, runs: await withCustomerIds(runs.map(runDto)) };
}
