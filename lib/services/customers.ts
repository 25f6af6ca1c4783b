// Customers with their endpoint counts, for filters and the billing page.
import "server-only";
import { db } from "@/lib/db/client";
import type { CustomerListQuery, CustomerDto, Page } from "@/lib/schemas/customers";
import { asVendor, paging, textContains } from "./listing";

export async function listCustomers(query: CustomerListQuery): Promise<Page<CustomerDto>> {
  const where = {
    removedAt: null,
    ...(query.vendor ? { vendor: query.vendor } : {}),
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(query.q ? { name: textContains(query.q) } : {}),
  };
  const [total, rows] = await Promise.all([
    db().customer.count({ where }),
    db().customer.findMany({ where, orderBy: [{ name: query.order }, { id: "asc" }], include: { _count: { select: { endpoints: true } }, connection: { select: { id: true, name: true } } }, ...paging(query) }),
  ]);
  return {
    items: rows.map((c) => ({ id: c.id, vendor: asVendor(c.vendor), vendorId: c.vendorId, name: c.name, kind: c.kind, endpointCount: c._count.endpoints, connection: c.connection })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
