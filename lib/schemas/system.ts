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

export const demoStatusSchema = z.object({ installed: z.boolean(), connections: z.array(connectionSchema) });
export type DemoStatusDto = z.infer<typeof demoStatusSchema>;
