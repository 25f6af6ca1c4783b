// Backup configuration operations (/backup-configuration/...).
import { route } from "@/lib/simulator-kit/routing";
import {
  rackspaceCreateConfigurationRequestSchema,
  rackspaceEnableConfigurationRequestSchema,
  rackspaceUpdateConfigurationRequestSchema,
  type RackspaceCreateConfigurationRequest,
} from "../../schemas";
import { backupPlanIssues } from "../../../backup-plan";
import { RackspaceApiError, emptyResponse, idParam, invalid, jsonResponse, readBody, toBoolean, toId } from "../http";
import { configurationBody } from "../serialize";
import type { ApiRoute, ConfigurationInput } from "../world";

function optionalInt(value: number | string | null): number | null {
  return value === null ? null : toId(value);
}

/**
 * Applies the seed's rules (lib/vendors/backup-plan.ts, the same rules the app's form and route check): required
 * fields per Frequency and their ranges, retention, time zone, the address to notify, the paths. Every broken rule
 * is answered at once, as ASP.NET's ModelState lists every invalid field.
 */
function toConfigurationInput(body: RackspaceCreateConfigurationRequest): ConfigurationInput {
  const amPm = body.StartTimeAmPm === "AM" || body.StartTimeAmPm === "PM" ? body.StartTimeAmPm : null;
  const files = (list: RackspaceCreateConfigurationRequest["Inclusions"]) => (list ?? []).map((file) => ({ FilePath: file.FilePath, FileItemType: file.FileItemType as "File" }));
  const plan = {
    BackupConfigurationName: body.BackupConfigurationName,
    IsActive: toBoolean(body.IsActive),
    VersionRetention: toId(body.VersionRetention),
    MissedBackupActionId: body.MissedBackupActionId === undefined ? 1 : toId(body.MissedBackupActionId),
    Frequency: body.Frequency,
    StartTimeHour: optionalInt(body.StartTimeHour),
    StartTimeMinute: optionalInt(body.StartTimeMinute),
    StartTimeAmPm: amPm,
    DayOfWeekId: optionalInt(body.DayOfWeekId),
    HourInterval: optionalInt(body.HourInterval),
    TimeZoneId: body.TimeZoneId,
    NotifyRecipients: body.NotifyRecipients,
    NotifySuccess: toBoolean(body.NotifySuccess),
    NotifyFailure: toBoolean(body.NotifyFailure),
    Inclusions: files(body.Inclusions),
    Exclusions: files(body.Exclusions),
  };
  const issues = backupPlanIssues(plan);
  if (issues.length > 0) {
    const modelState: Record<string, string[]> = {};
    for (const issue of issues) (modelState[["request", ...issue.path].join(".")] ??= []).push(issue.message);
    throw new RackspaceApiError(400, "The request is invalid.", modelState);
  }
  const frequency = body.Frequency;
  const timed = frequency === "Daily" || frequency === "Weekly";
  return {
    name: plan.BackupConfigurationName.trim(),
    isActive: plan.IsActive,
    versionRetention: plan.VersionRetention,
    missedBackupActionId: plan.MissedBackupActionId,
    schedule: {
      frequency,
      hour12: timed ? plan.StartTimeHour : null,
      minute: timed ? plan.StartTimeMinute : null,
      amPm: timed ? amPm : null,
      dayOfWeek: frequency === "Weekly" ? plan.DayOfWeekId : null,
      hourInterval: frequency === "Hourly" ? plan.HourInterval : null,
      timeZoneId: body.TimeZoneId,
    },
    notifyRecipients: body.NotifyRecipients,
    notifySuccess: plan.NotifySuccess,
    notifyFailure: plan.NotifyFailure,
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
