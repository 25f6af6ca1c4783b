// Which vendor customers (MSP360 companies, Rackspace accounts) make up which customer of the MSP. The one place
// that resolves it: rows (endpoints, plans, runs, usage) keep their vendor customer's id, and every filter, count
// and name goes through here to reach the MSP customer.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { recordAudit } from "./audit";

export interface CustomerRef {
  id: string;
  name: string;
}

/**
 * The vendor customer ids of an MSP customer, for `customerId IN (…)`. An id that is no MSP customer (any more) but
 * a vendor customer's – a bookmark from before a link – resolves to that vendor customer's MSP customer. An
 * unknown id gives an empty list: it reads nothing, never everything.
 */
export async function vendorCustomerIdsOf(customerId: string): Promise<string[]> {
  const client = db();
  let mspCustomerId = customerId;
  if (!(await client.mspCustomer.findUnique({ where: { id: customerId }, select: { id: true } }))) {
    const vendorCustomer = await client.customer.findUnique({ where: { id: customerId }, select: { mspCustomerId: true } });
    if (!vendorCustomer) return [];
    // Not yet assigned (between its creation and the end of the sync that created it): it stands for itself.
    if (!vendorCustomer.mspCustomerId) return [customerId];
    mspCustomerId = vendorCustomer.mspCustomerId;
  }
  return (await client.customer.findMany({ where: { mspCustomerId }, select: { id: true } })).map((c) => c.id);
}

/** The vendor customer ids of several MSP customers (a display link's or a maintenance window's scope). */
export async function vendorCustomerIdsOfMany(customerIds: readonly string[]): Promise<string[]> {
  const ids = await Promise.all([...new Set(customerIds)].map((id) => vendorCustomerIdsOf(id)));
  return [...new Set(ids.flat())];
}

/** The Prisma `where` piece that keeps rows of one MSP customer (nothing when no customer is asked for). */
export async function customerWhere(customerId: string | undefined): Promise<{ customerId?: { in: string[] } }> {
  return customerId ? { customerId: { in: await vendorCustomerIdsOf(customerId) } } : {};
}

/** Vendor customer id → its MSP customer (id and name), for the rows on a page. */
export async function customerRefsOf(vendorCustomerIds: (string | null | undefined)[]): Promise<Map<string, CustomerRef>> {
  const ids = [...new Set(vendorCustomerIds.filter((id): id is string => !!id))];
  const out = new Map<string, CustomerRef>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db().customer.findMany({
      where: { id: { in: ids.slice(i, i + 500) } },
      select: { id: true, name: true, mspCustomer: { select: { id: true, name: true } } },
    });
    for (const row of rows) out.set(row.id, row.mspCustomer ?? { id: row.id, name: row.name });
  }
  return out;
}

/** Prisma `select` of a relation to a vendor customer that reaches its MSP customer; read it with `customerRef`. */
export const customerRefSelect = { select: { id: true, name: true, mspCustomer: { select: { id: true, name: true } } } } as const;

export function customerRef(row: { id: string; name: string; mspCustomer: CustomerRef | null } | null): CustomerRef | null {
  return row ? (row.mspCustomer ?? { id: row.id, name: row.name }) : null;
}

/**
 * After a sync created vendor customers: each becomes its own MSP customer (same id, same name) until an admin
 * links it. The demo accepts its suggested link: a demo account named exactly like a customer of the other demo
 * connection joins that customer.
 */
export async function assignNewVendorCustomers(connection: { id: string; isDemo?: boolean }): Promise<{ id: string; name: string; joined: string | null }[]> {
  const client = db();
  const fresh = await client.customer.findMany({ where: { connectionId: connection.id, mspCustomerId: null }, select: { id: true, name: true } });
  if (fresh.length === 0) return [];
  const demoTwins = connection.isDemo
    ? new Map(
        (
          await client.customer.findMany({
            where: { name: { in: fresh.map((c) => c.name) }, connectionId: { not: connection.id }, connection: { isDemo: true }, mspCustomerId: { not: null }, removedAt: null },
            select: { name: true, mspCustomerId: true },
          })
        ).map((c) => [c.name, c.mspCustomerId!]),
      )
    : new Map<string, string>();
  const taken = new Set((await client.mspCustomer.findMany({ where: { id: { in: fresh.map((c) => c.id) } }, select: { id: true } })).map((m) => m.id));
  const assigned = fresh.map((c) => ({ ...c, mspCustomerId: demoTwins.get(c.name) ?? (taken.has(c.id) ? randomUUID() : c.id), joined: demoTwins.get(c.name) ?? null }));
  for (let i = 0; i < assigned.length; i += 200) {
    const batch = assigned.slice(i, i + 200);
    const created = batch.filter((c) => !c.joined).map((c) => ({ id: c.mspCustomerId, name: c.name }));
    await client.$transaction([
      client.mspCustomer.createMany({ data: created }),
      ...batch.map((c) => client.customer.update({ where: { id: c.id }, data: { mspCustomerId: c.mspCustomerId } })),
    ]);
  }
  for (const c of assigned.filter((a) => a.joined)) {
    await recordAudit(
      { type: "system", label: "demo data" },
      { action: "customer.link", outcome: "success", target: { type: "customer", id: c.joined!, label: c.name }, details: { vendorCustomerId: c.id, suggested: "same name" } },
    );
  }
  return assigned.map((c) => ({ id: c.id, name: c.name, joined: c.joined }));
}

/** A vendor renamed a customer: the MSP customer created for it follows, unless an admin named it. */
export async function followVendorName(vendorCustomerId: string, name: string): Promise<void> {
  await db().mspCustomer.updateMany({ where: { id: vendorCustomerId, customName: false, NOT: { name } }, data: { name } });
}

/** Rows whose `customerId` is their vendor customer's, answered with their MSP customer's id instead. */
export async function withCustomerIds<T extends { customerId: string | null }>(items: T[]): Promise<T[]> {
  const refs = await customerRefsOf(items.map((i) => i.customerId));
  return items.map((i) => (i.customerId ? { ...i, customerId: refs.get(i.customerId)?.id ?? i.customerId } : i));
}

/** The MSP customer an id names: itself, or (an id from before a link) the one its vendor customer belongs to. */
export async function resolveCustomer(customerId: string): Promise<CustomerRef | null> {
  const own = await db().mspCustomer.findUnique({ where: { id: customerId }, select: { id: true, name: true } });
  if (own) return own;
  const vendorCustomer = await db().customer.findUnique({ where: { id: customerId }, select: { mspCustomer: { select: { id: true, name: true } } } });
  return vendorCustomer?.mspCustomer ?? null;
}
