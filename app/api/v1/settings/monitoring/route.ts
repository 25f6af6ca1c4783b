import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { monitoringSettings, updateMonitoringSettings } from "@/lib/services/monitoring-settings";
import { recordAudit } from "@/lib/services/audit";

// GET /api/v1/settings/monitoring – the missed-run grace and the overdue window
export const GET = apiRoute(API.getMonitoringSettings, () => monitoringSettings());

// PUT /api/v1/settings/monitoring – change them (admins); recorded in the audit log
export const PUT = apiRoute(API.updateMonitoringSettings, async ({ body, actor }) => {
  const settings = await updateMonitoringSettings(body);
  await recordAudit(actor, { action: "settings.monitoring.update", outcome: "success", target: { type: "settings", label: "Monitoring" }, details: body });
  return settings;
});
