// Status rules that need more than one vendor answer: missed backups and an endpoint's overall status.
import { STATUS_SEVERITY, type Status } from "@/lib/schemas/status";

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

/** Disabled and offline first; otherwise the worst status among the endpoint's active configurations. */
export function endpointStatus(endpoint: { enabled: boolean; online: boolean }, configurationStatuses: Status[]): Status {
  if (!endpoint.enabled) return "disabled";
  if (!endpoint.online) return "offline";
  const active = configurationStatuses.filter((s) => s !== "disabled");
  if (active.length === 0) return "never-ran";
  return active.reduce((worst, s) => (STATUS_SEVERITY[s] > STATUS_SEVERITY[worst] ? s : worst), active[0]!);
}
