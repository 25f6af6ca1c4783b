// The monitoring settings admins tune (missed-run grace, overdue window), kept as AppSetting rows; defaults
// apply until someone changes them. The sync reads them at every status recompute.
import "server-only";
import { db } from "@/lib/db/client";
import { DEFAULT_MONITORING_SETTINGS, type MonitoringSettings } from "@/lib/sync/status";

const KEYS: Record<keyof MonitoringSettings, string> = {
  missedGraceMinutes: "monitoring.missedGraceMinutes",
  overdueWindowHours: "monitoring.overdueWindowHours",
};

export async function monitoringSettings(): Promise<MonitoringSettings> {
  const rows = await db().appSetting.findMany({ where: { key: { in: Object.values(KEYS) } } });
  const stored = new Map(rows.map((row) => [row.key, Number(row.value)]));
  const read = (key: keyof MonitoringSettings) => {
    const value = stored.get(KEYS[key]);
    return value !== undefined && Number.isFinite(value) && value > 0 ? value : DEFAULT_MONITORING_SETTINGS[key];
  };
  return { missedGraceMinutes: read("missedGraceMinutes"), overdueWindowHours: read("overdueWindowHours") };
}

export async function updateMonitoringSettings(change: Partial<MonitoringSettings>): Promise<MonitoringSettings> {
  for (const [key, value] of Object.entries(change) as [keyof MonitoringSettings, number | undefined][]) {
    if (value === undefined) continue;
    await db().appSetting.upsert({ where: { key: KEYS[key] }, create: { key: KEYS[key], value: String(value) }, update: { value: String(value) } });
  }
  return monitoringSettings();
}
