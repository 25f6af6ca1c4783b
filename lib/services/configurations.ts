// Backup configurations (MSP360 plans, Rackspace backup configurations) across vendors.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { iso, listQuerySchema, paging, textContains, type Page } from "./listing";
import { runDto } from "./runs";

export const configurationListQuerySchema = listQuerySchema.extend({
  endpointId: z.string().max(100).optional(),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  sort: z.enum(["name", "status", "lastRunAt", "lastSuccessAt", "nextRunAt"]).default("name"),
});

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
  if (row.nextRunAt) return row.nextRunAt;
  if (!row.expectedIntervalMinutes || !row.enabled) return null;
  const from = row.lastSuccessAt ?? row.lastRunAt;
  return from ? new Date(from.getTime() + row.expectedIntervalMinutes * 60_000) : null;
}

export function configurationDto(row: ConfigurationRow) {
  return {
    id: row.id,
    vendor: row.vendor,
    vendorId: row.vendorId,
    name: row.name,
    type: row.type,
    enabled: row.enabled,
    schedule: { kind: row.scheduleKind, description: row.scheduleDescription, expectedIntervalMinutes: row.expectedIntervalMinutes },
    lastStatus: row.lastStatus,
    status: row.status,
    missedSince: iso(row.missedSince),
    lastRunAt: iso(row.lastRunAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    nextRunAt: iso(expectedNextRun(row)),
    removed: row.removedAt !== null,
    endpoint: row.endpoint,
    customerId: row.customerId,
  };
}
export type ConfigurationDto = ReturnType<typeof configurationDto>;

export async function listConfigurations(query: z.infer<typeof configurationListQuerySchema>): Promise<Page<ConfigurationDto & { connection: { id: string; name: string } }>> {
  const where = {
    removedAt: null,
    ...(query.vendor ? { vendor: query.vendor } : {}),
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    ...(query.enabled !== undefined ? { enabled: query.enabled } : {}),
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    ...(query.q ? { OR: [{ name: textContains(query.q) }, { endpoint: { name: textContains(query.q) } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db().backupConfiguration.count({ where }),
    db().backupConfiguration.findMany({ where, include, orderBy: [{ [query.sort]: query.order }, { id: "asc" }], ...paging(query) }),
  ]);
  return { items: rows.map((row) => ({ ...configurationDto(row), connection: row.connection })), total, page: query.page, pageSize: query.pageSize };
}

export async function getConfiguration(id: string) {
  const row = await db().backupConfiguration.findUnique({ where: { id }, include });
  if (!row) throw new AppError("not_found", "No such backup configuration.");
  const runs = await db().run.findMany({
    where: { configurationId: id },
    include: { configuration: { select: { id: true, name: true } }, endpoint: { select: { id: true, name: true } } },
    orderBy: { startedAt: "desc" },
    take: 50,
  });
  return { ...configurationDto(row), connection: row.connection, details: row.details, raw: row.raw, runs: runs.map(runDto) };
}
