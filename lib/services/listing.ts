// Shared pieces of the list queries: date ranges, text search on both databases, paging, row → DTO helpers.
// The query and answer schemas themselves live in lib/schemas, shared with the routes and the browser.
import "server-only";
import type { z } from "zod";
import { databaseTarget } from "@/lib/db/client";
import type { dateRangeSchema } from "@/lib/schemas/listing";
import type { Vendor } from "@/lib/vendors/catalog";
import type { Status } from "@/lib/vendors/status";

export type { Page } from "@/lib/schemas/listing";

export function dateRange(range: z.infer<typeof dateRangeSchema>) {
  if (!range.from && !range.to) return undefined;
  return {
    ...(range.from ? { gte: new Date(range.from) } : {}),
    ...(range.to ? { lte: /^\d{4}-\d{2}-\d{2}$/.test(range.to) ? new Date(`${range.to}T23:59:59.999Z`) : new Date(range.to) } : {}),
  };
}

/** `contains`, case-insensitive on both databases (SQLite's LIKE already is, for ASCII). */
export function textContains(q: string) {
  return (databaseTarget().provider === "postgresql" ? { contains: q, mode: "insensitive" } : { contains: q }) as { contains: string };
}

export function paging(query: { page: number; pageSize: number }) {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}

/** Rows with no successful backup since `cutoff`, or never: the "no successful backup for more than N h" filter. */
export function noSuccessSince(cutoff: Date) {
  return { OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: cutoff } }] };
}

/** Sorting by the last good backup puts "never" with the oldest: first when ascending, last when descending. */
export function orderByAge(order: "asc" | "desc") {
  return { lastSuccessAt: { sort: order, nulls: order === "asc" ? "first" : "last" } } as const;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Database columns hold these as text; the sync engine only ever writes the vocabulary's words. */
export const asStatus = (value: string) => value as Status;
export const asVendor = (value: string) => value as Vendor;
