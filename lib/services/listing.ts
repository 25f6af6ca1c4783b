// Shared pieces of the list endpoints: filters that every list takes, paging, text search on both databases.
import "server-only";
import { z } from "zod";
import { databaseTarget } from "@/lib/db/client";
import { statusSchema } from "@/lib/vendors/status";
import { vendorSchema } from "@/lib/vendors/catalog";

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item));

export const listQuerySchema = z.object({
  vendor: vendorSchema.optional(),
  connectionId: z.string().max(100).optional(),
  customerId: z.string().max(100).optional(),
  /** One or more statuses, comma-separated: `status=failed,missed`. */
  status: csv(statusSchema).optional(),
  /** Text search (name, host, customer). */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const dateRangeSchema = z.object({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

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

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
