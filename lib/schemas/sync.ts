// Sync health per connection, and the answers of "Test connection" and "Sync now".
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { connectionHealthSchema, isoDate } from "./listing";

export const syncRunSchema = z.object({
  id: z.string(),
  trigger: z.string(),
  status: z.string(),
  startedAt: isoDate,
  finishedAt: isoDate,
  itemsChanged: z.number().int(),
  requestCount: z.number().int(),
  error: z.string().nullable(),
  warnings: z.unknown(),
});

export const syncStatusSchema = z.object({
  connection: z.object({ id: z.string(), name: z.string(), vendor: vendorSchema, enabled: z.boolean(), isDemo: z.boolean(), syncIntervalMinutes: z.number().int() }),
  lastSyncAt: isoDate,
  lastSyncStatus: z.string().nullable(),
  lastSyncError: z.string().nullable(),
  ...connectionHealthSchema.shape,
  recent: z.array(syncRunSchema),
});
export type SyncStatusDto = z.infer<typeof syncStatusSchema>;

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  summary: z.string().optional(),
  /** What failed, when it did: a vendor error kind ("auth", "network"…) or an error code. */
  kind: z.string().optional(),
  message: z.string().optional(),
  durationMs: z.number(),
});
export type ConnectionTestDto = z.infer<typeof connectionTestSchema>;

export const syncStartedSchema = z.object({ started: z.literal(true), syncRunId: z.string(), startedAt: z.string() });
