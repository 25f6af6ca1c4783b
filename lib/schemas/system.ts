// The app about itself: health, the signed-in user, the demo.
import { z } from "zod";
import { connectionSchema } from "./connections";
import { roleSchema } from "./roles";
import { timeZoneSchema } from "./runs";

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({ ok: z.boolean(), provider: z.string(), latencyMs: z.number().optional(), error: z.string().optional() }),
});

export const meSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema, timeZone: z.string().nullable() });
/** PATCH /api/v1/me: the user's own preferences. timeZone: an IANA name, or null for the browser's zone. */
export const updateMeSchema = z.object({ timeZone: timeZoneSchema.nullable() }).strict();

/** The demo's replay of its last days: "day 12 of 30" while it runs (ISO times). */
export const demoReplaySchema = z.object({
  status: z.enum(["running", "done"]),
  day: z.number().int(),
  days: z.number().int(),
  /** The simulated time synced last. */
  through: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export const demoStatusSchema = z.object({ installed: z.boolean(), connections: z.array(connectionSchema), replay: demoReplaySchema.nullable() });
export type DemoStatusDto = z.infer<typeof demoStatusSchema>;

/** Missed: a due run not started missedGraceMinutes after (frequent plans: a quarter of the interval, if less). Overdue: no good backup for overdueWindowHours (daily plans; longer schedules add their gap beyond a day). */
export const monitoringSettingsSchema = z.object({
  missedGraceMinutes: z.number().int().min(1).max(24 * 60),
  overdueWindowHours: z.number().int().min(1).max(24 * 90),
});
export const updateMonitoringSettingsSchema = monitoringSettingsSchema.partial().strict();
