// What a technician can ask Rackspace Cloud Backup to do, through the documented operations of seed 003:
// start and stop backups (`backup/action-requested`), prepare, start and stop restores (`restore`,
// `restore/files`, `restore/action-requested`), enable and disable agents and configurations, wake agents up,
// change an agent's logging level, create, change and delete a configuration. Calls that start or create something are sent once
// (the client marks them): when their outcome is unclear, `reconcile` finds out by reading the vendor's state.
import { normalizeSchedule, PLAN_FILE_TYPES, type BackupPlan, type PlanFile } from "../backup-plan";
import type { ActionObject, ActionRequest, ActionResult, Capability, FollowedState, LogLevel, RestorePoint, StartedJob, VendorActions } from "../contract";
import { ACTION_TYPES, LOG_LEVELS } from "../contract";
import { AppError } from "@/lib/errors";
import { VendorError } from "../errors";
import type { RackspaceClient } from "./client";
import { isFinalState, parseRunVendorId, stateLabel, statusOfState, type RackspaceActivityInfo, type RackspaceConfigurationInfo } from "./map";
import type { RackspaceCreateConfigurationRequest } from "./schemas";

/** Seed 003: "You should wait 10 to 20 seconds after using this operation before starting a backup or restore." */
const WAKE_SETTLE_SECONDS = 20;

/** Rackspace's logging levels by number: 1 FATAL … 6 TRACE (seed 003, "Change the logging level"). */
const LEVEL_NUMBER = Object.fromEntries(LOG_LEVELS.map((level, index) => [level, index + 1])) as Record<LogLevel, 1 | 2 | 3 | 4 | 5 | 6>;

/** A stored object's numeric Rackspace id ("1234", or "backup:1234" for a run). */
function idOf(object: ActionObject): number {
  const run = parseRunVendorId(object.vendorId);
  const id = run ? run.id : Number(object.vendorId);
  if (!Number.isSafeInteger(id)) throw new VendorError("rackspace", "not_found", `"${object.vendorId}" is not a Rackspace id`);
  return id;
}

function followedState(state: string, runVendorId?: string): FollowedState {
  return { status: statusOfState(state), stateLabel: stateLabel(state), finished: isFinalState(state), ...(runVendorId ? { runVendorId } : {}) };
}

const backupJob = (backupId: number): StartedJob => ({ kind: "backup", ref: `backup:${backupId}`, requestedAt: new Date().toISOString() });
const restoreJob = (restoreId: number): StartedJob => ({ kind: "restore", ref: `restore:${restoreId}`, requestedAt: new Date().toISOString() });

/** The newest activity item of a configuration's backups that began at or after `since`. */
function startedSince(activity: readonly RackspaceActivityInfo[], configurationId: number, since: Date): RackspaceActivityInfo | null {
  const candidates = activity.filter((item) => item.type === "Backup" && item.configurationId === configurationId && (!item.at || item.at >= new Date(since.getTime() - 60_000)));
  return candidates.sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))[0] ?? null;
}

/** The plan as the create and update bodies carry it (the seed's field names already), schedule fields nulled per Frequency. */
function planBody(plan: BackupPlan): Omit<RackspaceCreateConfigurationRequest, "MachineAgentId"> {
  const normalized = normalizeSchedule(plan);
  return { ...normalized, StartTimeAmPm: normalized.StartTimeAmPm };
}

const isPlanFile = (file: { type: string }) => (PLAN_FILE_TYPES as readonly string[]).includes(file.type);

/**
 * A configuration as the edit form shows it. One whose frequency the documents do not name is refused: the form
 * would show it as "Manually", and saving any change would quietly stop its schedule.
 */
export function editablePlanOf(configuration: RackspaceConfigurationInfo): BackupPlan {
  if (configuration.frequency === null && configuration.raw.Frequency !== null && configuration.raw.Frequency !== undefined) {
    throw new AppError("conflict", "This plan runs on a schedule the app cannot show (not manual, hourly, daily or weekly): edit it in Rackspace's control panel, so that saving here does not change its schedule.");
  }
  return planOf(configuration);
}

/** A configuration as the plan form shows it. */
export function planOf(configuration: RackspaceConfigurationInfo): BackupPlan {
  const files = (list: RackspaceConfigurationInfo["inclusions"]): PlanFile[] =>
    list.filter(isPlanFile).map((file) => ({ FilePath: file.path, FileItemType: file.type as PlanFile["FileItemType"] }));
  return {
    BackupConfigurationName: configuration.name,
    IsActive: configuration.active,
    VersionRetention: configuration.retentionDays,
    MissedBackupActionId: Number(configuration.raw.MissedBackupActionId) === 2 ? 2 : 1,
    Frequency: configuration.frequency ?? "Manually",
    StartTimeHour: configuration.startHour,
    StartTimeMinute: configuration.startMinute,
    StartTimeAmPm: configuration.amPm,
    DayOfWeekId: configuration.dayOfWeek,
    HourInterval: configuration.hourInterval,
    TimeZoneId: configuration.timeZoneId,
    NotifyRecipients: configuration.notifyRecipients.join(", "),
    NotifySuccess: configuration.notifySuccess,
    NotifyFailure: configuration.notifyFailure,
    Inclusions: files(configuration.inclusions),
    Exclusions: files(configuration.exclusions),
  };
}

/** Whether the vendor's configuration now says what the plan says (reconciling an update). */
function samePlan(a: BackupPlan, b: BackupPlan): boolean {
  const key = (plan: BackupPlan) => JSON.stringify({ ...normalizeSchedule(plan), IsActive: null, NotifyRecipients: plan.NotifyRecipients.replace(/\s+/g, "") });
  return key(a) === key(b);
}

export function rackspaceActions(client: RackspaceClient): VendorActions {
  return {
    capabilities(): Capability[] {
      // Every action of the app is a documented Rackspace operation.
      return ACTION_TYPES.map((action) => ({ action, available: true }));
    },

    async act(request: ActionRequest, signal?: AbortSignal): Promise<ActionResult> {
      switch (request.type) {
        case "backup.start": {
          const backupId = await client.startBackup(idOf(request.configuration));
          const job = backupJob(backupId);
          return { message: "Rackspace accepted the start; the backup is requested.", started: job, state: followedState("StartRequested", job.ref) };
        }
        case "backup.stop": {
          const backupId = idOf(request.run);
          await client.stopBackup(backupId);
          const job = backupJob(backupId);
          return { message: "Rackspace was asked to stop the backup.", started: job, state: followedState("StopRequested", job.ref) };
        }
        case "restore.start": {
          const restoreId = Number(request.restoreVendorId);
          const restore = await client.getRestore(restoreId, signal);
          if (restore.encrypted && !request.vaultPassword) {
            throw new VendorError("rackspace", "rejected", "the backup is encrypted", { vendorMessage: "This backup vault is encrypted: enter its password." });
          }
          const vault = restore.encrypted && restore.publicKey && request.vaultPassword ? { publicKey: restore.publicKey, passphrase: request.vaultPassword } : undefined;
          await client.startRestore(restoreId, vault);
          const job = restoreJob(restoreId);
          return { message: "Rackspace accepted the restore; it is requested.", started: job, state: followedState("StartRequested", job.ref) };
        }
        case "restore.stop": {
          const restoreId = idOf(request.run);
          await client.stopRestore(restoreId);
          const job = restoreJob(restoreId);
          return { message: "Rackspace was asked to stop the restore.", started: job, state: followedState("StopRequested", job.ref) };
        }
        case "agent.enable":
        case "agent.disable":
          await client.setAgentEnabled(idOf(request.endpoint), request.type === "agent.enable");
          return { message: request.type === "agent.enable" ? "The agent is enabled at Rackspace." : "The agent is disabled at Rackspace: it runs no backups until enabled." };
        case "agent.wake":
          await client.wakeUpAgents();
          return {
            message: `Rackspace asked the account's agents to wake up; their state is read again in ${WAKE_SETTLE_SECONDS} seconds.`,
            settleSeconds: WAKE_SETTLE_SECONDS,
          };
        case "agent.log-level":
          await client.setAgentLogLevel(idOf(request.endpoint), LEVEL_NUMBER[request.level]);
          return { message: `The agent now logs at level "${request.level}".` };
        case "configuration.enable":
        case "configuration.disable":
          await client.setConfigurationEnabled(idOf(request.configuration), request.type === "configuration.enable");
          return { message: request.type === "configuration.enable" ? "The backup configuration is enabled." : "The backup configuration is disabled: it runs on no schedule until enabled." };
        case "configuration.delete":
          await client.deleteConfiguration(idOf(request.configuration));
          return { message: "The backup configuration is deleted at Rackspace." };
        case "configuration.create": {
          const created = await client.createConfiguration({ MachineAgentId: idOf(request.endpoint), ...planBody(request.plan) });
          return { message: `Rackspace created the backup plan "${created.name}".`, createdVendorId: String(created.id) };
        }
        case "configuration.update": {
          // Read first: what the form does not edit (the switch, Database selections, the schedule's id) goes back
          // as Rackspace has it now, so a PUT never loses it.
          const current = await client.getConfiguration(idOf(request.configuration), signal);
          const kept = (list: RackspaceConfigurationInfo["inclusions"]) => list.filter((file) => !isPlanFile(file)).map((file) => ({ FilePath: file.path, FileItemType: file.type as "Database" }));
          const body = planBody(request.plan);
          await client.updateConfiguration(current.id, {
            ...body,
            MachineAgentId: current.agentId,
            BackupConfigurationScheduleId: current.scheduleId,
            IsActive: current.active,
            Inclusions: [...body.Inclusions!, ...kept(current.inclusions)],
            Exclusions: [...body.Exclusions!, ...kept(current.exclusions)],
          });
          return { message: `Rackspace saved the changes to "${body.BackupConfigurationName}".` };
        }
      }
    },

    async follow(job: StartedJob, signal?: AbortSignal): Promise<FollowedState> {
      const run = parseRunVendorId(job.ref);
      if (run?.type === "backup") return followedState((await client.getBackup(run.id, signal)).state, job.ref);
      if (run?.type === "restore") return followedState((await client.getRestore(run.id, signal)).state, job.ref);
      throw new VendorError("rackspace", "not_found", `cannot follow "${job.ref}"`);
    },

    async reconcile(request: ActionRequest, since: Date, signal?: AbortSignal): Promise<ActionResult | null> {
      switch (request.type) {
        case "backup.start": {
          const found = startedSince(await client.listActivity(signal), idOf(request.configuration), since);
          if (!found) return null;
          const job = { ...backupJob(found.id), requestedAt: since.toISOString() };
          return { message: "Rackspace did start the backup (found in its activity).", started: job, state: followedState(found.state, job.ref) };
        }
        case "restore.start": {
          const restore = await client.getRestore(Number(request.restoreVendorId), signal);
          if (restore.state === "Creating") return { message: "Rackspace did not start the restore: it is still being prepared." };
          const job = { ...restoreJob(restore.id), requestedAt: since.toISOString() };
          return { message: "Rackspace did start the restore.", started: job, state: followedState(restore.state, job.ref) };
        }
        case "backup.stop":
        case "restore.stop": {
          const job = (request.type === "backup.stop" ? backupJob : restoreJob)(idOf(request.run));
          const state = await this.follow(job, signal);
          return { message: `The ${job.kind} is ${state.stateLabel.toLowerCase()} at Rackspace.`, started: job, state };
        }
        case "configuration.create": {
          // Never created twice: the agent's plans tell whether this one arrived (names are unique per agent).
          const name = request.plan.BackupConfigurationName.trim().toLowerCase();
          const found = (await client.listAgentConfigurations(idOf(request.endpoint), signal)).find((configuration) => !configuration.deleted && configuration.name.toLowerCase() === name);
          return found ? { message: `Rackspace did create the backup plan "${found.name}" (found in the agent's plans).`, createdVendorId: String(found.id) } : null;
        }
        case "configuration.update": {
          const current = await client.getConfiguration(idOf(request.configuration), signal);
          return samePlan(planOf(current), request.plan) ? { message: "Rackspace did save the changes (its plan now reads as sent)." } : null;
        }
        default:
          // Switches and deletions are safe to repeat, so they were retried already; nothing to find out.
          return null;
      }
    },

    async restorePoints(configuration: ActionObject, signal?: AbortSignal): Promise<RestorePoint[]> {
      const completed = await client.listCompletedBackups(idOf(configuration), signal);
      return completed
        .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0))
        .map((backup) => ({
          backupVendorId: String(backup.id),
          completedAt: backup.completedAt,
          label: backup.errorCount ? `Completed with ${backup.errorCount} error${backup.errorCount === 1 ? "" : "s"}` : "Completed",
          errorCount: backup.errorCount,
        }));
    },

    async prepareRestore(selection, signal) {
      const restore = await client.createRestore({
        BackupId: Number(selection.backupVendorId),
        BackupMachineId: idOf(selection.source),
        DestinationMachineId: idOf(selection.destination),
        DestinationPath: selection.destinationPath,
        OverwriteFiles: selection.overwrite,
      });
      for (const [paths, filter] of [
        [selection.include, "1"],
        [selection.exclude, "2"],
      ] as const) {
        for (const path of paths) {
          const folder = /[\\/]$/.test(path);
          await client.addRestoreFile({ FilePath: folder ? path.replace(/[\\/]+$/, "") || path : path, Filter: filter, ParentId: restore.id, FileItemType: folder ? "1" : "0" });
        }
      }
      if (signal?.aborted) throw new VendorError("rackspace", "timeout", "the restore was prepared but the request was cancelled");
      return { restoreVendorId: String(restore.id), encrypted: restore.encrypted };
    },

    async discardRestore(restoreVendorId) {
      await client.deleteRestoreFiles(Number(restoreVendorId));
    },

    async readPlan(configuration, signal) {
      return editablePlanOf(await client.getConfiguration(idOf(configuration), signal));
    },
  };
}
