// Storage and billing across vendors.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use YYYY-MM.");

export const usageQuerySchema = z.object({
  period: period.optional(),
  from: period.optional(),
  to: period.optional(),
  vendor: vendorSchema.optional(),
  customerId: z.string().max(100).optional(),
  groupBy: z.enum(["customer", "endpoint"]).default("customer"),
  format: z.enum(["json", "csv"]).default("json"),
  /** JSON is paged (per endpoint there can be thousands of rows); CSV exports everything. */
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const usageReportSchema = z.object({
  groupBy: z.enum(["customer", "endpoint"]),
  period: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(
    z.object({
      period: z.string(),
      vendor: vendorSchema,
      connection: z.string(),
      customerId: z.string().nullable(),
      customer: z.string().nullable(),
      endpointId: z.string().nullable(),
      endpoint: z.string().nullable(),
      storageBytes: z.number(),
      cost: z.number().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totals: z.object({ storageBytes: z.number(), cost: z.number() }),
});
export type UsageReportDto = z.infer<typeof usageReportSchema>;

export const usageTrendQuerySchema = z.object({
  vendor: vendorSchema.optional(),
  customerId: z.string().max(100).optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export type UsageTrendQuery = z.infer<typeof usageTrendQuerySchema>;

/** One point per month: storage bytes per vendor. */
export const usageTrendSchema = z.object({ points: z.array(z.object({ period: z.string() }).catchall(z.number())) });
export type UsageTrendDto = z.infer<typeof usageTrendSchema>;
