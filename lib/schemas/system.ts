// The app about itself: health, the signed-in user, the demo.
import { z } from "zod";
import { connectionSchema } from "./connections";
import { roleSchema } from "./roles";

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({ ok: z.boolean(), provider: z.string(), latencyMs: z.number().optional(), error: z.string().optional() }),
});

export const meSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema });

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
