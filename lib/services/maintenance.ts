// Maintenance windows and snoozes: planned downtime of a customer or an endpoint. While a window is active its
// problems are left out of the monitoring queue, its counts and the wall (lib/services/monitoring.ts asks
// `snoozedScope` what to leave out), and the window is shown as planned instead. Creating and ending are audited.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import {
  createMaintenanceInputSchema,
  type MaintenanceListQuery,
  type MaintenanceTarget,
  type MaintenanceWindowDto,
  type PlannedItem,
} from "@/lib/schemas/maintenance";
import { recordAudit } from "./audit";
import { customerRef, customerRefSelect, vendorCustomerIdsOfMany } from "./customer-groups";

type WindowRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["maintenanceWindow"]["findUnique"]>>>;

/** The windows in force at `now`: started, not run out, not ended early. */
const activeAt = (now: Date) => ({ startsAt: { lte: now }, endsAt: { gt: now }, endedAt: null });

function stateOf(row: WindowRow, now: Date): MaintenanceWindowDto["state"] {
  if (row.endedAt || row.endsAt <= now) return "ended";
  return row.startsAt > now ? "upcoming" : "active";
}

/** Customers and endpoints whose problems are planned right now (customers as the vendor customers rows carry). */
export interface SnoozedScope {
  customerIds: string[];
  endpointIds: string[];
}

export async function snoozedScope(now = new Date()): Promise<SnoozedScope> {
  const rows = await db().maintenanceWindow.findMany({ where: activeAt(now), select: { targetType: true, targetId: true } });
  return {
    // A customer target is a customer of the MSP: its problems are those of all its vendor customers.
    customerIds: await vendorCustomerIdsOfMany(rows.filter((r) => r.targetType === "customer").map((r) => r.targetId)),
    endpointIds: [...new Set(rows.filter((r) => r.targetType === "endpoint").map((r) => r.targetId))],
  };
}

/**
 * Prisma conditions that leave snoozed problems out. Written as `customerId IS NULL OR NOT IN (…)`: a bare
 * NOT IN would also drop rows without a customer.
 */
export function notSnoozed(scope: SnoozedScope) {
  const customer = scope.customerIds.length ? [{ OR: [{ customerId: null }, { customerId: { notIn: scope.customerIds } }] }] : [];
  return {
    configuration: { AND: [...customer, ...(scope.endpointIds.length ? [{ endpointId: { notIn: scope.endpointIds } }] : [])] },
    endpoint: { AND: [...customer, ...(scope.endpointIds.length ? [{ id: { notIn: scope.endpointIds } }] : [])] },
  };
}

async function toDtos(rows: WindowRow[], now: Date): Promise<MaintenanceWindowDto[]> {
  const endpointIds = rows.filter((r) => r.targetType === "endpoint").map((r) => r.targetId);
  const endpoints = endpointIds.length
    ? await db().endpoint.findMany({ where: { id: { in: endpointIds } }, select: { id: true, name: true, customer: customerRefSelect } })
    : [];
  const customerIds = rows.filter((r) => r.targetType === "customer").map((r) => r.targetId);
  const customers = customerIds.length ? await db().mspCustomer.findMany({ where: { id: { in: customerIds } }, select: { id: true, name: true } }) : [];
  return rows.map((row) => {
    const endpoint = row.targetType === "endpoint" ? endpoints.find((e) => e.id === row.targetId) : undefined;
    const customer = row.targetType === "customer" ? customers.find((c) => c.id === row.targetId) : customerRef(endpoint?.customer ?? null);
    return {
      id: row.id,
      target: { type: row.targetType as MaintenanceTarget, id: row.targetId, name: (row.targetType === "customer" ? customer?.name : endpoint?.name) ?? row.targetLabel },
      customer: customer ? { id: customer.id, name: customer.name } : null,
      reason: row.reason,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
      state: stateOf(row, now),
      createdBy: row.createdByLabel,
      endedBy: row.endedByLabel,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function listMaintenanceWindows(query: MaintenanceListQuery, now = new Date()): Promise<MaintenanceWindowDto[]> {
  const rows = await db().maintenanceWindow.findMany({
    where: {
      ...(query.state === "current" ? { endsAt: { gt: now }, endedAt: null } : {}),
      ...(query.targetType ? { targetType: query.targetType } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
    },
    orderBy: query.state === "current" ? [{ startsAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return toDtos(rows, now);
}

const CONFIGURATION_PROBLEMS = ["failed", "missed", "warning"];

/**
 * The windows active now, each with how many problems it keeps off the queue. `customerIds` narrows to a wall's
 * scope (an endpoint's window counts when its customer is in scope).
 */
export async function plannedItems(now = new Date(), customerIds?: string[]): Promise<PlannedItem[]> {
  const rows = await db().maintenanceWindow.findMany({ where: activeAt(now), orderBy: [{ endsAt: "asc" }, { id: "asc" }], take: 200 });
  const windows = (await toDtos(rows, now)).filter((w) => !customerIds || (w.customer && customerIds.includes(w.customer.id)));
  return Promise.all(
    windows.map(async (w) => {
      const vendorCustomers = w.target.type === "customer" ? { customerId: { in: await vendorCustomerIdsOfMany([w.target.id]) } } : null;
      const configurationWhere = vendorCustomers ?? { endpointId: w.target.id };
      const endpointWhere = vendorCustomers ?? { id: w.target.id };
      const [configurations, offline] = await Promise.all([
        db().backupConfiguration.count({ where: { ...configurationWhere, removedAt: null, status: { in: CONFIGURATION_PROBLEMS }, endpoint: { status: { notIn: ["offline", "disabled"] } } } }),
        db().endpoint.count({ where: { ...endpointWhere, removedAt: null, status: "offline" } }),
      ]);
      return { ...w, hiddenProblems: configurations + offline };
    }),
  );
}

/** The name of the customer or endpoint, checked to exist. */
async function targetLabel(type: MaintenanceTarget, id: string): Promise<string> {
  const row =
    type === "customer"
      ? await db().mspCustomer.findUnique({ where: { id }, select: { name: true } })
      : await db().endpoint.findUnique({ where: { id }, select: { name: true } });
  if (!row) throw new AppError("validation_failed", `There is no such ${type}.`, [{ path: "targetId", message: `No such ${type}.` }]);
  return row.name;
}

const auditTarget = (row: WindowRow) => ({ type: `maintenance_window`, id: row.id, label: `${row.targetType} ${row.targetLabel}` });

export async function createMaintenanceWindow(actor: Actor, input: unknown, now = new Date()): Promise<MaintenanceWindowDto> {
  const data = createMaintenanceInputSchema.parse(input);
  const label = await targetLabel(data.targetType, data.targetId);
  const row = await db().maintenanceWindow.create({
    data: {
      targetType: data.targetType,
      targetId: data.targetId,
      targetLabel: label,
      reason: data.reason,
      startsAt: data.startsAt ? new Date(data.startsAt) : now,
      endsAt: new Date(data.endsAt),
      createdById: actor.id ?? null,
      createdByLabel: actor.label ?? null,
    },
  });
  await recordAudit(actor, {
    action: "maintenance.create",
    outcome: "success",
    target: auditTarget(row),
    details: { reason: row.reason, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() },
  });
  return (await toDtos([row], now))[0]!;
}

/** Ends a window now (early); ending one that is over already changes nothing. */
export async function endMaintenanceWindow(actor: Actor, id: string, now = new Date()): Promise<MaintenanceWindowDto> {
  const before = await db().maintenanceWindow.findUnique({ where: { id } });
  if (!before) throw new AppError("not_found", "No such maintenance window.");
  if (stateOf(before, now) === "ended") return (await toDtos([before], now))[0]!;
  const row = await db().maintenanceWindow.update({ where: { id }, data: { endedAt: now, endedByLabel: actor.label ?? null } });
  await recordAudit(actor, { action: "maintenance.end", outcome: "success", target: auditTarget(row), details: { plannedEnd: before.endsAt.toISOString() } });
  return (await toDtos([row], now))[0]!;
}
