// Runs (backups, restores, cleanups) as history. The success grid is lib/services/run-grid.ts.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { RunDetailDto, RunDto, RunListQuery, RunPageDto } from "@/lib/schemas/runs";
import type { RunType } from "@/lib/vendors/status";
import { asStatus, asVendor, dateRange, iso, paging, textContains } from "./listing";
import { customerWhere, withCustomerIds } from "./customer-groups";

interface RunRow {
  id: string;
  connectionId: string;
  vendor: string;
  vendorId: string;
  type: string;
  status: string;
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
  bytes: number | null;
  filesProcessed: number | null;
  filesFailed: number | null;
  errorCount: number | null;
  message: string | null;
  customerId: string | null;
  endpoint: { id: string; name: string };
  configuration: { id: string; name: string } | null;
}

export function runDto(row: RunRow): RunDto {
  return {
    id: row.id,
    connectionId: row.connectionId,
    vendor: asVendor(row.vendor),
    vendorId: row.vendorId,
    type: row.type as RunType,
    status: asStatus(row.status),
    startedAt: row.startedAt.toISOString(),
    endedAt: iso(row.endedAt),
    durationSeconds: row.durationSeconds,
    bytes: row.bytes,
    filesProcessed: row.filesProcessed,
    filesFailed: row.filesFailed,
    errorCount: row.errorCount,
    message: row.message,
    customerId: row.customerId,
    endpoint: row.endpoint,
    configuration: row.configuration,
  };
}

const include = { endpoint: { select: { id: true, name: true } }, configuration: { select: { id: true, name: true } } } as const;

async function runWhere(query: RunListQuery) {
  return {
    ...(query.vendor ? { vendor: query.vendor } : {}),
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(await customerWhere(query.customerId)),
    ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    ...(query.configurationId ? { configurationId: query.configurationId } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    ...(dateRange(query) ? { startedAt: dateRange(query) } : {}),
    ...(query.q ? { OR: [{ endpoint: { name: textContains(query.q) } }, { configuration: { name: textContains(query.q) } }, { message: textContains(query.q) }] } : {}),
  };
}

export async function listRuns(query: RunListQuery): Promise<RunPageDto> {
  const where = await runWhere(query);
  const [total, rows] = await Promise.all([
    db().run.count({ where }),
    db().run.findMany({ where, include, orderBy: [{ [query.sort]: query.order }, { id: "asc" }], ...paging(query) }),
  ]);
  return { items: await withCustomerIds(rows.map(runDto)), total, page: query.page, pageSize: query.pageSize };
}

export async function getRun(id: string): Promise<RunDetailDto> {
  const row = await db().run.findUnique({ where: { id }, include: { ...include, connection: { select: { id: true, name: true } } } });
  if (!row) throw new AppError("not_found", "No such run.");
  const [dto] = await withCustomerIds([runDto(row)]);
  return { ...dto!, connection: row.connection, raw: row.raw };
}
