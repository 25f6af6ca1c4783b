import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { vendorSchema } from "@/lib/vendors/catalog";
import { listQuerySchema, paging, textContains } from "./listing";

export const customerListQuerySchema = listQuerySchema.extend({ vendor: vendorSchema.optional(), pageSize: z.coerce.number().int().min(1).max(1000).default(200) });

// Customers with their endpoint counts, for filters and the billing page.
export async function listCustomers(query: z.infer<typeof customerListQuerySchema>) {
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
    items: rows.map((c) => ({ id: c.id, vendor: c.vendor, vendorId: c.vendorId, name: c.name, kind: c.kind, endpointCount: c._count.endpoints, connection: c.connection })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
