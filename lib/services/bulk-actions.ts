// Bulk actions of a customer: which plans or agents one click would act on, and whether their vendor can. The
// actions themselves are sent one by one through POST /api/v1/actions (each with its own Idempotency-Key and
// audit record), so a bulk run is as safe as single clicks.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { BulkTargetsDto } from "@/lib/schemas/bulk-actions";
import type { CapabilityDto } from "@/lib/schemas/actions";
import { capabilitiesOf } from "./actions";
import { asVendor } from "./listing";
import { customerWhere, resolveCustomer } from "./customer-groups";

/** One bulk run acts on at most this many objects; the rest wait for the next. */
export const BULK_LIMIT = 200;

export async function bulkTargets(customerId: string, type: BulkTargetsDto["type"]): Promise<BulkTargetsDto> {
  const client = db();
  // A customer of the MSP: its plans and agents at every vendor.
  const customer = await resolveCustomer(customerId);
  if (!customer) throw new AppError("not_found", "No such customer.");
  const ofCustomer = await customerWhere(customer.id);

  const rows =
    type === "backup.start"
      ? (
          await client.backupConfiguration.findMany({
            where: { ...ofCustomer, removedAt: null, status: "failed" },
            select: { id: true, name: true, vendor: true, connectionId: true, endpoint: { select: { name: true, online: true } } },
            orderBy: [{ name: "asc" }, { id: "asc" }],
            take: BULK_LIMIT + 1,
          })
        ).map((c) => ({
          id: c.id,
          kind: "configuration" as const,
          label: `${c.name} on ${c.endpoint.name}`,
          vendor: c.vendor,
          connectionId: c.connectionId,
          note: c.endpoint.online ? null : "The agent is offline: the backup waits until it comes online.",
        }))
      : (
          await client.endpoint.findMany({
            where: { ...ofCustomer, removedAt: null, status: "offline" },
            select: { id: true, name: true, vendor: true, connectionId: true },
            orderBy: [{ name: "asc" }, { id: "asc" }],
            take: BULK_LIMIT + 1,
          })
        ).map((e) => ({ id: e.id, kind: "endpoint" as const, label: e.name, vendor: e.vendor, connectionId: e.connectionId, note: null }));

  // What a vendor can do depends on its connection only: asked once per connection.
  const byConnection = new Map<string, Promise<CapabilityDto | undefined>>();
  const capabilityOf = (row: (typeof rows)[number]) => {
    let pending = byConnection.get(row.connectionId);
    if (!pending) {
      pending = capabilitiesOf(row.kind, row.id).then((all) => all.find((c) => c.action === type));
      byConnection.set(row.connectionId, pending);
    }
    return pending;
  };
  const listed = rows.slice(0, BULK_LIMIT);
  const targets = await Promise.all(
    listed.map(async (row) => {
      const capability = await capabilityOf(row);
      return {
        id: row.id,
        kind: row.kind,
        label: row.label,
        vendor: asVendor(row.vendor),
        available: capability?.available ?? false,
        reason: capability?.available ? null : (capability?.reason ?? "This vendor cannot do that."),
        note: row.note,
      };
    }),
  );
  return { customer: { id: customer.id, name: customer.name }, type, targets, truncated: rows.length > BULK_LIMIT };
}
