// Pieces every list endpoint shares, for the routes, the OpenAPI document and the browser alike.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { statusSchema } from "@/lib/vendors/status";

/** `a,b,c` in a query string as a list of `item`. */
export const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
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

/** Only rows with no successful backup for more than this many hours, or never: `noSuccessFor=48`. */
export const noSuccessForSchema = z.coerce.number().int().min(1).max(24 * 366).optional();

export const dateRangeSchema = z.object({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

/** A page of `item`s. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Most routes take a single `{id}` path parameter. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** An ISO 8601 instant, or null. */
export const isoDate = z.string().nullable();

/** A related object by id and name. */
export const refSchema = z.object({ id: z.string(), name: z.string() });

/** Whether a connection's data is fresh, and why not. */
export const connectionHealthSchema = z.object({ stale: z.boolean(), staleReason: z.string().nullable(), lastSyncSuccessAt: isoDate });
