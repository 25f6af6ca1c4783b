// Bulk actions of a customer: what would be done, listed before anything is sent.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";

/** The bulk actions there are: start backups of the failed plans, wake the offline agents. */
export const BULK_ACTION_TYPES = ["backup.start", "agent.wake"] as const;

/** One bulk run acts on at most this many objects; the rest wait for the next. */
export const BULK_LIMIT = 200;

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

/** Run a bulk action on the targets the preview listed and the person confirmed (with an Idempotency-Key). */
export const createBulkRunSchema = z.object({
  customerId: z.string().min(1).max(100),
  type: z.enum(BULK_ACTION_TYPES),
  targetIds: z.array(z.string().min(1).max(100)).min(1, "Choose at least one target.").max(BULK_LIMIT),
});
export type CreateBulkRunInput = z.infer<typeof createBulkRunSchema>;

/** Where one target of a bulk run is: not sent yet, refused before sending, or its action's state. */
export const BULK_ITEM_STATES = ["waiting", "refused", "sending", "running", "succeeded", "failed", "unknown"] as const;

export const bulkRunSchema = z.object({
  id: z.string(),
  type: z.enum(BULK_ACTION_TYPES),
  customer: z.object({ id: z.string(), name: z.string() }),
  /** `running` while targets are still being sent; `done` once each was sent or refused (the actions may still run). */
  state: z.enum(["running", "done"]),
  requestedBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      state: z.enum(BULK_ITEM_STATES),
      message: z.string().nullable(),
      /** The action it became, to follow in the actions feed. */
      actionId: z.string().nullable(),
    }),
  ),
});
export type BulkRunDto = z.infer<typeof bulkRunSchema>;
