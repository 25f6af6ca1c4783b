// Writes a vendor snapshot into the normalized model: creates what is new, updates only rows whose
// fingerprint changed, marks what the vendor no longer lists as removed (kept for history), keeps every run,
// then recomputes the statuses that need more than one answer (missed backups, endpoint roll-up).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Db } from "@/lib/db/client";
import { Prisma } from "@/prisma/generated/sqlite/client/client";
import type { KnownEndpoint, VendorSnapshot } from "@/lib/vendors/contract";
import { endpointStatus, type Status } from "@/lib/vendors/status";
import { assignNewVendorCustomers, followVendorName } from "@/lib/services/customer-groups";
import { monitoringSettings } from "@/lib/services/monitoring-settings";
import { configurationStatus, parseScheduleRule } from "./status";

const CHUNK = 500;

function fingerprint(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value)).digest("base64url");
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Prisma wants JSON-safe values: dates become ISO strings, undefined disappears. */
function json(value: unknown): object {
  return JSON.parse(JSON.stringify(value ?? null)) as object;
}

interface Existing {
  id: string;
  vendorId: string;
  fingerprint: string | null;
  removedAt?: Date | null;
  endpointId?: string;
}

interface PlanOptions<T> {
  /** What of a record counts for "changed" (default: all of it). */
  significant?: (record: T) => unknown;
  /** Rows the vendor listed in a form that could not be read: not in the snapshot, but not gone either. */
  keep?: (row: Existing) => boolean;
}

/** Splits records into creates, changed updates and removals against what the database holds. */
function plan<T extends { vendorId: string }>(records: T[], existing: Existing[], { significant = (r) => r, keep = () => false }: PlanOptions<T> = {}) {
  const byVendorId = new Map(existing.map((row) => [row.vendorId, row]));
  const creates: (T & { fingerprint: string })[] = [];
  const updates: { id: string; record: T & { fingerprint: string } }[] = [];
  for (const record of records) {
    const fp = fingerprint(significant(record));
    const row = byVendorId.get(record.vendorId);
    if (!row) creates.push({ ...record, fingerprint: fp });
    else if (row.fingerprint !== fp || row.removedAt) updates.push({ id: row.id, record: { ...record, fingerprint: fp } });
  }
  const seen = new Set(records.map((r) => r.vendorId));
  const removed = existing.filter((row) => !seen.has(row.vendorId) && !row.removedAt && !keep(row)).map((row) => row.id);
  return { creates, updates, removed };
}

type Tx = Pick<Db, "customer" | "endpoint" | "backupConfiguration" | "run" | "usageRecord">;
type Write = (tx: Tx) => Promise<unknown>;

/**
 * Updates in transactions of 200: one commit per batch instead of one per row. Each is an `updateMany` by id:
 * it does not read the row back as `update` does, which costs more than twice as much per row.
 */
async function runUpdates(operations: Write[]): Promise<void> {
  for (const batch of chunks(operations, 200)) {
    await db().$transaction(
      async (tx) => {
        for (const operation of batch) await operation(tx as unknown as Tx);
      },
      // A batch takes a tenth of a second; on a machine loaded to the hilt it took over Prisma's default 5 s and
      // failed the whole sync. Waiting longer beats starting the sync over.
      { maxWait: 30_000, timeout: 120_000 },
    );
  }
}

/** The new rows of each table, as createMany would take them. */
interface NewRows {
  Customer: Prisma.CustomerCreateManyInput;
  Endpoint: Prisma.EndpointCreateManyInput;
  BackupConfiguration: Prisma.BackupConfigurationCreateManyInput;
  Run: Prisma.RunCreateManyInput;
  UsageRecord: Prisma.UsageRecordCreateManyInput;
}

/** The columns Prisma fills on create: `@default(now())` and `@updatedAt`. */
const STAMPED: Record<keyof NewRows, string[]> = {
  Customer: ["firstSeenAt"],
  Endpoint: ["firstSeenAt", "updatedAt"],
  BackupConfiguration: ["firstSeenAt", "updatedAt"],
  Run: ["firstSeenAt", "updatedAt"],
  UsageRecord: ["updatedAt"],
};

let rowSequence = 0;

/**
 * An id as Prisma's cuid() makes them: time, then a counter, then randomness, so that ids sort in the order rows
 * were created (lists break ties by id, and a first sync's rows keep the vendor's order).
 */
function newRowId(): string {
  rowSequence = (rowSequence + 1) % 36 ** 4;
  return `c${Date.now().toString(36)}${rowSequence.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}

/** Bound values per INSERT, under SQLite's limit of 32,766 (PostgreSQL allows 65,535). */
const MAX_BOUND_VALUES = 30_000;

/**
 * Inserts new rows as createMany would, in multi-row INSERTs. createMany compiles every value into its query
 * plan: about 0.8 ms of CPU a row, most of a first sync's time (10,000 endpoints bring some 50,000 rows); this
 * takes a sixth of that. The values are bound as parameters and the driver adapter encodes dates, booleans and
 * numbers as it does for createMany; JSON goes as its text; a key a row leaves out (undefined) is NULL, as these
 * tables have no database default for a nullable column. Ids sort in creation order, as Prisma's cuids do.
 */
async function insertMany<T extends keyof NewRows>(table: T, rows: NewRows[T][]): Promise<void> {
  if (!rows.length) return;
  const records = rows as unknown as Record<string, unknown>[];
  const columns = [...new Set(records.flatMap((row) => Object.keys(row).filter((key) => row[key] !== undefined)))];
  // A stamp the rows carry themselves (the sync's own time as firstSeenAt) is not stamped again.
  const stamped = STAMPED[table].filter((column) => !columns.includes(column));
  const names = Prisma.raw(["id", ...columns, ...stamped].map((column) => `"${column}"`).join(", "));
  const encode = (value: unknown) => (value === undefined ? null : value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value);
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / (1 + columns.length + stamped.length)));
  for (const batch of chunks(records, perStatement)) {
    const now = new Date();
    const values = batch.map((row) => Prisma.sql`(${Prisma.join([newRowId(), ...columns.map((column) => encode(row[column])), ...stamped.map(() => now)])})`);
    await db().$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${names}) VALUES ${Prisma.join(values)}`;
  }
}

export async function applySnapshot(connection: { id: string; vendor: string; isDemo?: boolean }, snapshot: VendorSnapshot, now = new Date()): Promise<number> {
  const client = db();
  const base = { connectionId: connection.id, vendor: connection.vendor };
  let changed = 0;
  const unreadable = {
    customers: new Set(snapshot.unreadable?.customers),
    endpoints: new Set(snapshot.unreadable?.endpoints),
    configurations: new Set(snapshot.unreadable?.configurations),
  };

  // Customers
  const customerPlan = plan(
    snapshot.customers,
    await client.customer.findMany({ where: { connectionId: connection.id }, select: { id: true, vendorId: true, fingerprint: true, removedAt: true } }),
    { keep: (row) => unreadable.customers.has(row.vendorId) },
  );
  const customerData = (c: (typeof customerPlan.creates)[number]) => ({ name: c.name, kind: c.kind, raw: json(c.raw), fingerprint: c.fingerprint, lastSeenAt: now, removedAt: null });
  await insertMany("Customer", customerPlan.creates.map((c) => ({ ...base, vendorId: c.vendorId, firstSeenAt: now, ...customerData(c) })));
  await runUpdates(customerPlan.updates.map(({ id, record }) => (tx: Tx) => tx.customer.updateMany({ where: { id }, data: customerData(record) })));
  for (const batch of chunks(customerPlan.removed)) await client.customer.updateMany({ where: { id: { in: batch } }, data: { removedAt: now } });
  // Each new vendor customer is its own customer of the MSP until an admin links it; a renamed one renames that.
  await assignNewVendorCustomers(connection);
  for (const { id, record } of customerPlan.updates) await followVendorName(id, record.name);
  changed += customerPlan.creates.length + customerPlan.updates.length + customerPlan.removed.length;
  const customerIds = new Map((await client.customer.findMany({ where: { connectionId: connection.id }, select: { id: true, vendorId: true } })).map((c) => [c.vendorId, c.id]));

  // Endpoints
  const endpointPlan = plan(
    snapshot.endpoints,
    await client.endpoint.findMany({ where: { connectionId: connection.id }, select: { id: true, vendorId: true, fingerprint: true, removedAt: true } }),
    {
      // Agents report a heartbeat every few minutes: it alone is no reason to rewrite 10,000 rows. The raw payload
      // and last-seen time are refreshed whenever something that matters changes.
      significant: ({ raw: _raw, lastSeenAt: _lastSeenAt, detailsReadAt: _detailsReadAt, ...significant }) => significant,
      keep: (row) => unreadable.endpoints.has(row.vendorId),
    },
  );
  const endpointData = (e: (typeof endpointPlan.creates)[number]) => ({
    customerId: e.customerVendorId ? (customerIds.get(e.customerVendorId) ?? null) : null,
    name: e.name,
    hostname: e.hostname ?? null,
    os: e.os ?? null,
    osVersion: e.osVersion ?? null,
    agentVersion: e.agentVersion ?? null,
    online: e.online,
    enabled: e.enabled,
    status: e.status,
    lastSeenAt: e.lastSeenAt ?? null,
    // A vendor that reports only the latest run says "no success" after a failure; the last known success stays.
    ...(e.lastSuccessAt ? { lastSuccessAt: e.lastSuccessAt } : {}),
    storageBytes: e.storageBytes ?? null,
    region: e.region ?? null,
    ...(e.detailsReadAt ? { detailsReadAt: e.detailsReadAt } : {}),
    raw: json(e.raw),
    fingerprint: e.fingerprint,
    removedAt: null,
  });
  await insertMany("Endpoint", endpointPlan.creates.map((e) => ({ ...base, vendorId: e.vendorId, firstSeenAt: now, ...endpointData(e) })));
  await runUpdates(endpointPlan.updates.map(({ id, record }) => (tx: Tx) => tx.endpoint.updateMany({ where: { id }, data: endpointData(record) })));
  for (const batch of chunks(endpointPlan.removed)) await client.endpoint.updateMany({ where: { id: { in: batch } }, data: { removedAt: now } });
  changed += endpointPlan.creates.length + endpointPlan.updates.length + endpointPlan.removed.length;
  const endpoints = new Map(
    (await client.endpoint.findMany({ where: { connectionId: connection.id }, select: { id: true, vendorId: true, customerId: true } })).map((e) => [e.vendorId, e]),
  );

  // Configurations (only those whose endpoint is known)
  const configurations = snapshot.configurations.filter((c) => endpoints.has(c.endpointVendorId));
  // A configuration of an endpoint that could not be read is as unknown as its endpoint: kept.
  const unreadableEndpointIds = new Set([...unreadable.endpoints].flatMap((vendorId) => endpoints.get(vendorId)?.id ?? []));
  const configPlan = plan(
    configurations,
    await client.backupConfiguration.findMany({ where: { connectionId: connection.id }, select: { id: true, vendorId: true, fingerprint: true, removedAt: true, endpointId: true } }),
    { keep: (row) => unreadable.configurations.has(row.vendorId) || unreadableEndpointIds.has(row.endpointId ?? "") },
  );
  const configData = (c: (typeof configPlan.creates)[number]) => {
    const endpoint = endpoints.get(c.endpointVendorId)!;
    return {
      endpointId: endpoint.id,
      customerId: endpoint.customerId,
      name: c.name,
      type: c.type,
      enabled: c.enabled,
      scheduleKind: c.schedule.kind,
      scheduleDescription: c.schedule.description,
      expectedIntervalMinutes: c.schedule.expectedIntervalMinutes,
      // { kind: "none" } when the vendor states no rule (a JSON null would need each client's own marker).
      scheduleRule: json(c.schedule.rule ?? { kind: "none" }),
      nextRunAt: c.nextRunAt ?? null,
      lastRunAt: c.lastRunAt ?? null,
      ...(c.lastSuccessAt ? { lastSuccessAt: c.lastSuccessAt } : {}),
      // Null: the vendor did not say this time; the result the app knows stays.
      ...(c.lastStatus ? { lastStatus: c.lastStatus } : {}),
      details: c.details ? json(c.details) : undefined,
      raw: json(c.raw),
      fingerprint: c.fingerprint,
      removedAt: null,
    };
  };
  await insertMany(
    "BackupConfiguration",
    configPlan.creates.map((c) => {
      // A result the vendor does not state: "unknown" when the plan did run, "never ran" when it did not.
      const lastStatus = c.lastStatus ?? (c.lastRunAt ? "unknown" : "never-ran");
      // First seen at the sync's own time (not the database's), so that a replayed or simulated clock agrees.
      return { ...base, vendorId: c.vendorId, status: lastStatus, lastStatus, firstSeenAt: now, ...configData(c) };
    }),
  );
  await runUpdates(configPlan.updates.map(({ id, record }) => (tx: Tx) => tx.backupConfiguration.updateMany({ where: { id }, data: configData(record) })));
  for (const batch of chunks(configPlan.removed)) await client.backupConfiguration.updateMany({ where: { id: { in: batch } }, data: { removedAt: now } });
  changed += configPlan.creates.length + configPlan.updates.length + configPlan.removed.length;
  const configIds = new Map(
    (await client.backupConfiguration.findMany({ where: { connectionId: connection.id }, select: { id: true, vendorId: true } })).map((c) => [c.vendorId, c.id]),
  );

  // Runs: history is kept, so nothing is removed; only new and changed runs are written.
  const runs = snapshot.runs.filter((r) => endpoints.has(r.endpointVendorId));
  const existingRuns: Existing[] = [];
  for (const batch of chunks(runs.map((r) => r.vendorId))) {
    existingRuns.push(...(await client.run.findMany({ where: { connectionId: connection.id, vendorId: { in: batch } }, select: { id: true, vendorId: true, fingerprint: true } })));
  }
  const runPlan = plan(runs, existingRuns);
  const runData = (r: (typeof runPlan.creates)[number]) => {
    const endpoint = endpoints.get(r.endpointVendorId)!;
    return {
      endpointId: endpoint.id,
      customerId: endpoint.customerId,
      configurationId: r.configurationVendorId ? (configIds.get(r.configurationVendorId) ?? null) : null,
      type: r.type,
      status: r.status,
      startedAt: r.startedAt,
      endedAt: r.endedAt ?? null,
      durationSeconds: r.durationSeconds == null ? null : Math.round(r.durationSeconds),
      bytes: r.bytes ?? null,
      filesProcessed: r.filesProcessed ?? null,
      filesFailed: r.filesFailed ?? null,
      errorCount: r.errorCount ?? null,
      message: r.message ?? null,
      raw: json(r.raw),
      fingerprint: r.fingerprint,
    };
  };
  await insertMany("Run", runPlan.creates.map((r) => ({ ...base, vendorId: r.vendorId, ...runData(r) })));
  await runUpdates(runPlan.updates.map(({ id, record }) => (tx: Tx) => tx.run.updateMany({ where: { id }, data: runData(record) })));
  changed += runPlan.creates.length + runPlan.updates.length;

  // Usage
  const usage = snapshot.usage.map((u) => ({
    ...u,
    vendorId: `${u.endpointVendorId ? `endpoint:${u.endpointVendorId}` : `customer:${u.customerVendorId ?? "all"}`}|${u.period}`,
  }));
  const existingUsage = await client.usageRecord.findMany({ where: { connectionId: connection.id }, select: { id: true, scope: true, period: true, fingerprint: true } });
  const usagePlan = plan(usage, existingUsage.map((u) => ({ id: u.id, vendorId: `${u.scope}|${u.period}`, fingerprint: u.fingerprint })));
  const usageData = (u: (typeof usagePlan.creates)[number]) => ({
    customerId: u.customerVendorId ? (customerIds.get(u.customerVendorId) ?? null) : (u.endpointVendorId ? (endpoints.get(u.endpointVendorId)?.customerId ?? null) : null),
    endpointId: u.endpointVendorId ? (endpoints.get(u.endpointVendorId)?.id ?? null) : null,
    storageBytes: u.storageBytes,
    cost: u.cost ?? null,
    raw: json(u.raw),
    fingerprint: u.fingerprint,
  });
  await insertMany("UsageRecord", usagePlan.creates.map((u) => ({ ...base, scope: u.vendorId.split("|")[0]!, period: u.period, ...usageData(u) })));
  await runUpdates(usagePlan.updates.map(({ id, record }) => (tx: Tx) => tx.usageRecord.updateMany({ where: { id }, data: usageData(record) })));
  changed += usagePlan.creates.length + usagePlan.updates.length;

  await recomputeStatuses(connection.id, now);
  return changed;
}

/** The endpoints the last sync stored, for adapters that read per-endpoint details in turns. */
export async function knownEndpoints(connectionId: string): Promise<ReadonlyMap<string, KnownEndpoint>> {
  const rows = await db().endpoint.findMany({ where: { connectionId, removedAt: null }, select: { vendorId: true, detailsReadAt: true, raw: true } });
  return new Map(rows.map((row) => [row.vendorId, row]));
}

/** Missed and overdue detection and the endpoint roll-up, over the connection's current (not removed) rows. */
export async function recomputeStatuses(connectionId: string, now = new Date()): Promise<void> {
  const client = db();
  const settings = await monitoringSettings();
  // A backup that completed with warnings still made a restore point; restores and cleanups are not backups.
  const successes = await client.run.groupBy({
    by: ["configurationId"],
    where: { connectionId, status: { in: ["success", "warning"] }, type: { in: ["backup", "other"] }, configurationId: { not: null } },
    _max: { startedAt: true },
  });
  const lastSuccessFromHistory = new Map(successes.map((s) => [s.configurationId!, s._max.startedAt]));
  // The latest start of any backup, from history: a run that started on time is not missed, whatever its result.
  const starts = await client.run.groupBy({
    by: ["configurationId"],
    where: { connectionId, type: { in: ["backup", "other"] }, configurationId: { not: null } },
    _max: { startedAt: true },
  });
  const lastStartFromHistory = new Map(starts.map((s) => [s.configurationId!, s._max.startedAt]));

  const endpoints = await client.endpoint.findMany({
    where: { connectionId, removedAt: null },
    select: { id: true, enabled: true, online: true, status: true, lastSuccessAt: true, lastRunAt: true },
  });
  const configs = await client.backupConfiguration.findMany({
    where: { connectionId, removedAt: null },
    select: {
      id: true,
      endpointId: true,
      enabled: true,
      lastStatus: true,
      status: true,
      expectedIntervalMinutes: true,
      scheduleRule: true,
      lastSuccessAt: true,
      lastRunAt: true,
      firstSeenAt: true,
      missedSince: true,
      customerId: true,
    },
  });
  // A customer of the MSP may have its own overdue window.
  const customerWindows = new Map(
    (await client.customer.findMany({ where: { connectionId }, select: { id: true, mspCustomer: { select: { overdueWindowHours: true } } } })).map((c) => [c.id, c.mspCustomer]),
  );
  const endpointById = new Map(endpoints.map((e) => [e.id, e]));
  const statusesByEndpoint = new Map<string, Status[]>();
  const lastByEndpoint = new Map<string, { success: Date | null; run: Date | null }>();
  const updates: Write[] = [];

  for (const config of configs) {
    const endpoint = endpointById.get(config.endpointId);
    if (!endpoint) continue;
    const history = lastSuccessFromHistory.get(config.id) ?? null;
    const lastSuccessAt = [config.lastSuccessAt, history].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    const lastStartAt = [config.lastRunAt, lastStartFromHistory.get(config.id) ?? null].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    const { status, missedAt } = configurationStatus(
      { ...config, lastStatus: config.lastStatus as Status, rule: parseScheduleRule(config.scheduleRule), lastSuccessAt, lastRunAt: lastStartAt },
      endpoint,
      now,
      settings,
      config.customerId ? customerWindows.get(config.customerId) : null,
    );
    // Since the first run in a row that was missed: a later missed run does not move it.
    const missedSince = status === "missed" ? (config.missedSince ?? missedAt ?? now) : null;
    if (status !== config.status || lastSuccessAt?.getTime() !== config.lastSuccessAt?.getTime() || missedSince?.getTime() !== config.missedSince?.getTime()) {
      updates.push((tx) => tx.backupConfiguration.updateMany({ where: { id: config.id }, data: { status, lastSuccessAt, missedSince } }));
    }
    statusesByEndpoint.set(config.endpointId, [...(statusesByEndpoint.get(config.endpointId) ?? []), status]);
    const last = lastByEndpoint.get(config.endpointId) ?? { success: null, run: null };
    if (lastSuccessAt && (!last.success || lastSuccessAt > last.success)) last.success = lastSuccessAt;
    if (config.lastRunAt && (!last.run || config.lastRunAt > last.run)) last.run = config.lastRunAt;
    lastByEndpoint.set(config.endpointId, last);
  }

  for (const endpoint of endpoints) {
    const status = endpointStatus(endpoint, statusesByEndpoint.get(endpoint.id) ?? []);
    const last = lastByEndpoint.get(endpoint.id);
    const lastSuccessAt = [endpoint.lastSuccessAt, last?.success ?? null].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    const lastRunAt = last?.run ?? endpoint.lastRunAt;
    if (status !== endpoint.status || lastSuccessAt?.getTime() !== endpoint.lastSuccessAt?.getTime() || lastRunAt?.getTime() !== endpoint.lastRunAt?.getTime()) {
      updates.push((tx) => tx.endpoint.updateMany({ where: { id: endpoint.id }, data: { status, lastSuccessAt, lastRunAt } }));
    }
  }
  await runUpdates(updates);
}
