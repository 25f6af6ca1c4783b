// One status vocabulary across vendors. Each vendor's own states map onto it in lib/vendors/<vendor>/map.ts;
// the mapping tables are documented in docs/status-mapping.md.
import { z } from "zod";

export const STATUSES = ["success", "warning", "failed", "running", "missed", "never-ran", "disabled", "offline"] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** Higher needs attention sooner: Monitoring sorts by this. */
export const STATUS_SEVERITY: Record<Status, number> = {
  failed: 6,
  missed: 5,
  offline: 4,
  warning: 3,
  "never-ran": 2,
  running: 1,
  disabled: 0,
  success: 0,
};

export const STATUS_LABELS: Record<Status, string> = {
  success: "Success",
  warning: "Warning",
  failed: "Failed",
  running: "Running",
  missed: "Missed",
  "never-ran": "Never ran",
  disabled: "Disabled",
  offline: "Offline",
};

export const RUN_TYPES = ["backup", "restore", "cleanup", "other"] as const;
export type RunType = (typeof RUN_TYPES)[number];
