// What needs attention now, across vendors.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { statusSchema } from "@/lib/vendors/status";
import { isoDate, refSchema } from "./listing";
import { plannedItemSchema } from "./maintenance";

export const monitoringQuerySchema = z.object({
  vendor: vendorSchema.optional(),
  customerId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type MonitoringQuery = z.infer<typeof monitoringQuerySchema>;

export const attentionItemSchema = z.object({
  kind: z.enum(["configuration", "endpoint", "connection"]),
  id: z.string(),
  status: z.union([statusSchema, z.literal("stale")]),
  severity: z.number(),
  title: z.string(),
  vendor: vendorSchema,
  customer: refSchema.nullable(),
  endpoint: refSchema.nullable(),
  detail: z.string().nullable(),
  since: isoDate,
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** overdue: no good backup within the plan's window; missed: a scheduled run did not start within its grace. */
const problemCounts = { overdue: z.number().int(), failed: z.number().int(), missed: z.number().int(), warning: z.number().int(), offline: z.number().int() };

export const monitoringSchema = z.object({
  counts: z.object({
    ...problemCounts,
    staleConnections: z.number().int(),
    endpointsByStatus: z.record(z.string(), z.number().int()),
  }),
  items: z.array(attentionItemSchema),
  totalItems: z.number().int(),
  customers: z.array(z.object({ customer: refSchema, ...problemCounts })),
  /** Maintenance windows active now: their problems are left out of the items and counts above. */
  planned: z.array(plannedItemSchema),
});
export type MonitoringDto = z.infer<typeof monitoringSchema>;
