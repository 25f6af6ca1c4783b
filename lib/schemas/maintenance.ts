// Maintenance windows and snoozes: planned downtime of a customer or an endpoint, kept off the monitoring queue,
// its counts and the wall, and shown as planned instead.
import { z } from "zod";

export const MAINTENANCE_TARGETS = ["customer", "endpoint"] as const;
export const maintenanceTargetSchema = z.enum(MAINTENANCE_TARGETS);
export type MaintenanceTarget = z.infer<typeof maintenanceTargetSchema>;

/** The longest a window may last: planned downtime, not a way to hide a customer for good. */
export const MAX_WINDOW_DAYS = 31;

export const createMaintenanceInputSchema = z
  .object({
    targetType: maintenanceTargetSchema,
    targetId: z.string().min(1).max(100),
    reason: z.string().trim().min(1, "Say why (the wall shows it).").max(300),
    /** Defaults to now. */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((value, ctx) => {
    const start = value.startsAt ? Date.parse(value.startsAt) : Date.now();
    const end = Date.parse(value.endsAt);
    if (end <= Math.max(start, Date.now())) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be in the future and after the start." });
    else if (end - start > MAX_WINDOW_DAYS * 86_400_000) ctx.addIssue({ code: "custom", path: ["endsAt"], message: `A window lasts at most ${MAX_WINDOW_DAYS} days.` });
  });
export type CreateMaintenanceInput = z.infer<typeof createMaintenanceInputSchema>;

export const maintenanceListQuerySchema = z.object({
  /** current: active now or still to come (the default); all: also the ended ones, newest first. */
  state: z.enum(["current", "all"]).default("current"),
  targetType: maintenanceTargetSchema.optional(),
  targetId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MaintenanceListQuery = z.infer<typeof maintenanceListQuerySchema>;

export const maintenanceWindowSchema = z.object({
  id: z.string(),
  target: z.object({ type: maintenanceTargetSchema, id: z.string(), name: z.string() }),
  /** The customer of an endpoint's window (for the wall's scope and the label). */
  customer: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  endedAt: z.string().nullable(),
  /** "active" now, "upcoming", or "ended" (ended early or run out). */
  state: z.enum(["active", "upcoming", "ended"]),
  createdBy: z.string().nullable(),
  endedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type MaintenanceWindowDto = z.infer<typeof maintenanceWindowSchema>;

/** An active window on the monitoring queue and the wall: what it keeps off the counts. */
export const plannedItemSchema = maintenanceWindowSchema.extend({
  /** Failed, missed, warning and offline items it keeps off the queue right now. */
  hiddenProblems: z.number().int(),
});
export type PlannedItem = z.infer<typeof plannedItemSchema>;
