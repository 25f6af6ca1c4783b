// Bulk actions of a customer: what would be done, listed before anything is sent.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";

/** The bulk actions there are: start backups of the failed plans, wake the offline agents. */
export const BULK_ACTION_TYPES = ["backup.start", "agent.wake"] as const;

export const bulkTargetsQuerySchema = z.object({ customerId: z.string().min(1).max(100), type: z.enum(BULK_ACTION_TYPES) });

export const bulkTargetsSchema = z.object({
  customer: z.object({ id: z.string(), name: z.string() }),
  type: z.enum(BULK_ACTION_TYPES),
  targets: z.array(
    z.object({
      /** What to send to POST /api/v1/actions as targetId. */
      id: z.string(),
      kind: z.enum(["configuration", "endpoint"]),
      label: z.string(),
      vendor: vendorSchema,
      /** Whether the vendor can do it through its API; when not, why. */
      available: z.boolean(),
      reason: z.string().nullable(),
      /** Said next to the target before it is sent (an agent that is offline). */
      note: z.string().nullable(),
    }),
  ),
  /** More matched than are listed (the list is capped). */
  truncated: z.boolean(),
});
export type BulkTargetsDto = z.infer<typeof bulkTargetsSchema>;
