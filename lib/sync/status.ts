// Status rules that need the app's own history: missed backups. (The endpoint roll-up is the vendor layer's,
// lib/vendors/status.ts, so that adapters and the engine judge alike.)
import type { Status } from "@/lib/vendors/status";

/**
 * A scheduled configuration is missed when no successful run happened within its expected window: the
 * schedule's interval plus a grace period (a quarter of the interval, at least 30 minutes), counted from
 * the last success, or from when the app first saw the configuration if it never succeeded.
 */
export function missedDeadline(config: { expectedIntervalMinutes: number | null; lastSuccessAt: Date | null; firstSeenAt: Date }): Date | null {
  if (!config.expectedIntervalMinutes) return null;
  const graceMinutes = Math.max(30, config.expectedIntervalMinutes / 4);
  const from = config.lastSuccessAt ?? config.firstSeenAt;
  return new Date(from.getTime() + (config.expectedIntervalMinutes + graceMinutes) * 60_000);
}

export function configurationStatus(
  config: { enabled: boolean; lastStatus: Status; expectedIntervalMinutes: number | null; lastSuccessAt: Date | null; firstSeenAt: Date },
  endpoint: { enabled: boolean },
  now: Date,
): Status {
  if (!config.enabled || !endpoint.enabled) return "disabled";
  if (config.lastStatus === "running") return "running";
  const deadline = missedDeadline(config);
  if (deadline && now > deadline) return "missed";
  return config.lastStatus;
}
