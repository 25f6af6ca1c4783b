// Backup configuration operations (/backup-configuration/...).
import { route } from "@/lib/simulator-kit/routing";
import {
  rackspaceCreateConfigurationRequestSchema,
  rackspaceEnableConfigurationRequestSchema,
  rackspaceUpdateConfigurationRequestSchema,
  type RackspaceCreateConfigurationRequest,
} from "../../schemas";
import { RackspaceApiError, emptyResponse, idParam, invalid, jsonResponse, readBody, toBoolean, toId } from "../http";
import { TIME_ZONES } from "../schedule";
import { configurationBody } from "../serialize";
import type { ApiRoute, ConfigurationInput } from "../world";

const RETENTION_DAYS = new Set([0, 30, 60]);

function optionalInt(value: number | string | null): number | null {
  return value === null ? null : toId(value);
}

function inRange(field: string, value: number | null, min: number, max: number): number {
  if (value === null || value < min || value > max) throw invalid(field, `${field} must be between ${min} and ${max} for this Frequency.`);
  return value;
}

/** Applies the seed's per-Frequency rules: which schedule fields are required, and their ranges. */
function toConfigurationInput(body: RackspaceCreateConfigurationRequest): ConfigurationInput {
  const name = body.BackupConfigurationName.trim();
  if (!name) throw invalid("BackupConfigurationName", "BackupConfigurationName is required.");
  const versionRetention = toId(body.VersionRetention);
  if (!RETENTION_DAYS.has(versionRetention)) throw invalid("VersionRetention", "VersionRetention must be 0, 30 or 60.");
  const missedBackupActionId = body.MissedBackupActionId === undefined ? 1 : toId(body.MissedBackupActionId);
  if (missedBackupActionId !== 1 && missedBackupActionId !== 2) throw invalid("MissedBackupActionId", "MissedBackupActionId must be 1 or 2.");
  if (!(body.TimeZoneId in TIME_ZONES)) {
    throw invalid("TimeZoneId", `Unknown TimeZoneId; supported: ${Object.keys(TIME_ZONES).join(", ")}.`);
  }
  const frequency = body.Frequency;
  const timed = frequency === "Daily" || frequency === "Weekly";
  const amPm = body.StartTimeAmPm === "AM" || body.StartTimeAmPm === "PM" ? body.StartTimeAmPm : null;
  if (timed && amPm === null) throw invalid("StartTimeAmPm", "StartTimeAmPm must be AM or PM for this Frequency.");
  return {
    name,
    isActive: toBoolean(body.IsActive),
    versionRetention,
    missedBackupActionId,
    schedule: {
      frequency,
      hour12: timed ? inRange("StartTimeHour", optionalInt(body.StartTimeHour), 1, 12) : null,
      minute: timed ? inRange("StartTimeMinute", optionalInt(body.StartTimeMinute), 0, 59) : null,
      amPm: timed ? amPm : null,
      dayOfWeek: frequency === "Weekly" ? inRange("DayOfWeekId", optionalInt(body.DayOfWeekId), 0, 6) : null,
      hourInterval: frequency === "Hourly" ? inRange("HourInterval", optionalInt(body.HourInterval), 1, 23) : null,
      timeZoneId: body.TimeZoneId,
    },
    notifyRecipients: body.NotifyRecipients,
    notifySuccess: toBoolean(body.NotifySuccess),
    notifyFailure: toBoolean(body.NotifyFailure),
    inclusions: (body.Inclusions ?? []).map((file) => ({ path: file.FilePath, itemType: file.FileItemType })),
    exclusions: (body.Exclusions ?? []).map((file) => ({ path: file.FilePath, itemType: file.FileItemType })),
  };
}

export const configurationRoutes: ApiRoute[] = [
  route("POST", "backup-configuration", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceCreateConfigurationRequestSchema);
    const agent = world.agent(tenant, toId(body.MachineAgentId));
    const input = toConfigurationInput(body);
    const clash = agent.configurations.some((other) => !other.isDeleted && other.name.toLowerCase() === input.name.toLowerCase());
    if (clash) throw new RackspaceApiError(409, `The agent already has a backup configuration named "${input.name}".`);
    return jsonResponse(configurationBody(world, world.createConfiguration(agent, input), "created"));
  }),

  route("GET", "backup-configuration", ({ world, tenant }) =>
    jsonResponse(world.configurationsOf(tenant).map((configuration) => configurationBody(world, configuration, "userList"))),
  ),

  route("GET", "backup-configuration/system/{machineAgentId:int}", ({ params, world, tenant }) => {
    const agent = world.agent(tenant, idParam(params, "machineAgentId"));
    const configurations = agent.configurations.filter((configuration) => !configuration.isDeleted);
    return jsonResponse(configurations.map((configuration) => configurationBody(world, configuration, "agentList")));
  }),

  route("POST", "backup-configuration/enable/{id:int}", async ({ request, params, world, tenant }) => {
    const configuration = world.configuration(tenant, idParam(params, "id"));
    const body = await readBody(request, rackspaceEnableConfigurationRequestSchema);
    world.setConfigurationActive(configuration, toBoolean(body.Enable));
    return jsonResponse(configurationBody(world, configuration, "details"));
  }),

  route("GET", "backup-configuration/{id:int}", ({ params, world, tenant }) =>
    jsonResponse(configurationBody(world, world.configuration(tenant, idParam(params, "id")), "details")),
  ),

  route("PUT", "backup-configuration/{id:int}", async ({ request, params, world, tenant }) => {
    const configuration = world.configuration(tenant, idParam(params, "id"));
    const body = await readBody(request, rackspaceUpdateConfigurationRequestSchema);
    if (toId(body.BackupConfigurationScheduleId) !== configuration.scheduleId) {
      throw invalid("BackupConfigurationScheduleId", "BackupConfigurationScheduleId does not belong to this configuration.");
    }
    if (toId(body.MachineAgentId) !== configuration.agent.id) {
      throw invalid("MachineAgentId", "A configuration cannot be moved to another agent; use migratevault.");
    }
    world.updateConfiguration(configuration, toConfigurationInput(body));
    return emptyResponse(200);
  }),

  route("DELETE", "backup-configuration/{id:int}", ({ params, world, tenant }) => {
    world.deleteConfiguration(world.configuration(tenant, idParam(params, "id")));
    return emptyResponse(200);
  }),
];
