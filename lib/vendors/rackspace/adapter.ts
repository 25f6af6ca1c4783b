// The Rackspace Cloud Backup adapter: one tenant's agents, configurations, recent activity and vault sizes as
// the app's normalized snapshot. The agent list cannot tell Online from Offline (it always says Offline), so
// agents' details are read too, a few at a time: all of them at the first sync, then in turns (new agents, and
// the longest-unread sixth of the rest, and any older than half an hour), so that a steady sync sends a fraction
// of the first one's requests while no agent's online state is older than 30 minutes. The agent and
// configuration lists are the core: without them the engine would take everything for removed, so their
// failures throw. Agent details and activity are extras: when they fail the snapshot still comes back, with a
// warning.
import type { KnownEndpoint, SnapshotRun, SnapshotUsage, VendorAdapter, VendorSnapshot, ConnectionRuntime } from "../contract";
import { VendorError } from "../errors";
import type { Status } from "../status";
import { lenient } from "../tolerant";
import { rackspaceActions } from "./actions";
import { RackspaceClient, type RackspaceClientOptions } from "./client";
import {
  backupRunReport,
  completedBackupToRun,
  configurationReport,
  configurationStatusOf,
  isFinalState,
  lastResultOf,
  parseRunVendorId,
  restoreRunReport,
  statusOfState,
  toAgentInfo,
  toSnapshotConfiguration,
  toSnapshotCustomer,
  toSnapshotEndpoint,
  toSnapshotRun,
  toSnapshotUsage,
  usagePeriod,
  type RackspaceActivityInfo,
  type RackspaceAgentInfo,
  type RackspaceConfigurationInfo,
} from "./map";
import { rackspaceAgentSchema } from "./schemas";

/** Agent details read in parallel: enough to finish 10,000 agents in reasonable time, few enough to be polite. */
export const AGENT_DETAILS_CONCURRENCY = 8;

/** No agent's online state is older than this. */
export const AGENT_DETAILS_MAX_AGE_MS = 30 * 60_000;

/** At every sync, at least this share of the known agents (the longest unread) is read again: turns, not waves. */
const AGENT_DETAILS_SHARE_PER_SYNC = 1 / 6;

export interface RackspaceAdapter extends VendorAdapter {
  readonly client: RackspaceClient;
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function explain(error: unknown): string {
  return error instanceof VendorError ? error.message : String(error);
}

/** How an agent came to be in the snapshot: details read now, details kept from an earlier sync, or only the list. */
type AgentRead =
  | { agent: RackspaceAgentInfo; source: "details"; readAt: Date }
  | { agent: RackspaceAgentInfo; source: "kept"; readAt: Date }
  | { agent: RackspaceAgentInfo; source: "list"; error?: unknown };

/** The newest completed backup (success or completed with errors) per configuration among the activity items. */
function lastSuccessByConfiguration(activity: readonly RackspaceActivityInfo[]): Map<number, Date> {
  const latest = new Map<number, Date>();
  for (const item of activity) {
    const status = statusOfState(item.state);
    if (item.type !== "Backup" || !item.at || (status !== "success" && status !== "warning")) continue;
    const known = latest.get(item.configurationId);
    if (!known || item.at > known) latest.set(item.configurationId, item.at);
  }
  return latest;
}

/** The result of the newest finished backup per configuration among the activity items. */
function lastFinishedByConfiguration(activity: readonly RackspaceActivityInfo[]): Map<number, { at: Date; status: Status }> {
  const latest = new Map<number, { at: Date; status: Status }>();
  for (const item of activity) {
    if (item.type !== "Backup" || !item.at || !isFinalState(item.state)) continue;
    const known = latest.get(item.configurationId);
    if (!known || item.at > known.at) latest.set(item.configurationId, { at: item.at, status: statusOfState(item.state) });
  }
  return latest;
}

/** The details an earlier sync stored for an agent, on top of its current list entry (which says "Offline" always). */
function keptDetails(listed: RackspaceAgentInfo, known: KnownEndpoint): RackspaceAgentInfo | null {
  const stored = lenient(rackspaceAgentSchema).safeParse(known.raw);
  if (!stored.success) return null;
  const details = toAgentInfo(stored.data);
  return {
    ...listed,
    online: details.online,
    lastSuccessfulBackupAt: details.lastSuccessfulBackupAt,
    raw: { ...listed.raw, Status: stored.data.Status, TimeOfLastSuccessfulBackup: stored.data.TimeOfLastSuccessfulBackup },
  };
}

/** Which listed agents get their details read this time. */
function agentsToRead(listed: readonly RackspaceAgentInfo[], known: ReadonlyMap<string, KnownEndpoint>, now: number): Set<number> {
  const due = new Set<number>();
  const rotation: { id: number; readAt: number }[] = [];
  for (const agent of listed) {
    const readAt = known.get(String(agent.id))?.detailsReadAt?.getTime();
    if (readAt === undefined || now - readAt >= AGENT_DETAILS_MAX_AGE_MS) due.add(agent.id);
    else rotation.push({ id: agent.id, readAt });
  }
  const share = Math.ceil(listed.length * AGENT_DETAILS_SHARE_PER_SYNC);
  rotation.sort((a, b) => a.readAt - b.readAt);
  for (const { id } of rotation.slice(0, Math.max(0, share - due.size))) due.add(id);
  return due;
}

export function createRackspaceAdapter(runtime: ConnectionRuntime, options: RackspaceClientOptions = {}): RackspaceAdapter {
  const client = new RackspaceClient(runtime, options);
  const clock = options.now ?? runtime.now ?? Date.now;
  const region = runtime.region?.toUpperCase() ?? null;
  // Every regional endpoint lists the whole tenant: a connection tied to a region keeps that region's agents.
  const inRegion = (agent: RackspaceAgentInfo) => region === null || agent.datacenter.toUpperCase() === region;

  /** Details of one agent; the list entry when they cannot be read; null when the agent is gone meanwhile. */
  async function readAgent(listed: RackspaceAgentInfo, signal?: AbortSignal): Promise<AgentRead | null> {
    try {
      return { agent: await client.getAgent(listed.id, signal), source: "details", readAt: new Date(clock()) };
    } catch (error) {
      if (signal?.aborted) throw error;
      if (error instanceof VendorError && error.kind === "not_found") return null;
      return { agent: listed, source: "list", error };
    }
  }

  async function readActivity(warnings: string[], signal?: AbortSignal): Promise<RackspaceActivityInfo[]> {
    try {
      return await client.listActivity(signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      warnings.push(`Recent activity could not be read, so no new runs this time: ${explain(error)}`);
      return [];
    }
  }

  /**
   * History for configurations the app has not seen yet (their agent is new): the backups the service still
   * keeps (GET backup/completed/{id}), one request per configuration, so the first sync starts with weeks of
   * successes instead of a day. Failures are not listed there; a configuration whose history cannot be read is
   * left without it, with a warning.
   */
  async function readHistory(configurations: readonly RackspaceConfigurationInfo[], warnings: string[], signal?: AbortSignal): Promise<SnapshotRun[]> {
    let failed = 0;
    const lists = await mapConcurrently(configurations, AGENT_DETAILS_CONCURRENCY, async (configuration) => {
      try {
        return await client.listCompletedBackups(configuration.id, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        failed++;
        return [];
      }
    });
    if (failed) warnings.push(`The backup history of ${failed} of ${configurations.length} new configurations could not be read; their earlier backups are not shown`);
    return lists.flat().map(completedBackupToRun).filter((run): run is SnapshotRun => run !== null);
  }

  return {
    vendor: "rackspace",
    client,
    actions: rackspaceActions(client),

    async testConnection() {
      const session = await client.session();
      const agents = (await client.listAgents()).filter(inRegion);
      const where = region ? ` in ${region}` : "";
      return { summary: `Signed in as ${session.userName}; ${agents.length} agent${agents.length === 1 ? "" : "s"} visible${where}` };
    },

    async fetchSnapshot({ signal, known: loadKnown } = {}) {
      const requestsBefore = client.requestCount;
      const session = await client.session();
      const warnings: string[] = [];
      const listed = (await client.listAgents(signal)).filter(inRegion);
      const known = (await loadKnown?.()) ?? new Map<string, KnownEndpoint>();
      const toRead = agentsToRead(listed, known, clock());
      const readOrKeep = async (agent: RackspaceAgentInfo): Promise<AgentRead | null> => {
        const previous = known.get(String(agent.id));
        const kept = !toRead.has(agent.id) && previous?.detailsReadAt ? keptDetails(agent, previous) : null;
        return kept ? { agent: kept, source: "kept", readAt: previous!.detailsReadAt! } : readAgent(agent, signal);
      };
      const [reads, allConfigurations, activity] = await Promise.all([
        mapConcurrently(listed, AGENT_DETAILS_CONCURRENCY, readOrKeep),
        client.listConfigurations(signal),
        readActivity(warnings, signal),
      ]);

      const agents = reads.filter((read): read is AgentRead => read !== null);
      const readIds = new Set(agents.map((read) => read.agent.id));
      const backfill = await readHistory(
        allConfigurations.filter((configuration) => !configuration.deleted && readIds.has(configuration.agentId) && !known.has(String(configuration.agentId))),
        warnings,
        signal,
      );
      const failed = agents.flatMap((read) => (read.source === "list" ? [read] : []));
      const [firstFailure] = failed;
      if (firstFailure) {
        warnings.push(
          `Details of ${failed.length} of ${agents.length} agents could not be read; their online state and last success are unknown this time (first: ${firstFailure.agent.machineName}: ${explain(firstFailure.error)})`,
        );
      }

      const agentIds = new Set(agents.map((read) => read.agent.id));
      const configurations = allConfigurations.filter((configuration) => !configuration.deleted && agentIds.has(configuration.agentId));
      const configurationsByAgent = new Map<number, RackspaceConfigurationInfo[]>();
      for (const configuration of configurations) {
        configurationsByAgent.set(configuration.agentId, [...(configurationsByAgent.get(configuration.agentId) ?? []), configuration]);
      }
      const lastSuccess = lastSuccessByConfiguration(activity);
      for (const run of backfill) {
        const id = Number(run.configurationVendorId);
        const known = lastSuccess.get(id);
        if (!known || run.startedAt > known) lastSuccess.set(id, run.startedAt);
      }
      const lastFinished = lastFinishedByConfiguration(activity);
      const agentById = new Map(agents.map((read) => [read.agent.id, read.agent]));
      /** Activity covers about a day; an agent with one configuration has that configuration's last success on record. */
      const lastSuccessOf = (configuration: RackspaceConfigurationInfo): Date | null => {
        const fromActivity = lastSuccess.get(configuration.id);
        if (fromActivity) return fromActivity;
        const soleConfiguration = configurationsByAgent.get(configuration.agentId)?.length === 1;
        return soleConfiguration ? (agentById.get(configuration.agentId)?.lastSuccessfulBackupAt ?? null) : null;
      };
      const lastResult = (configuration: RackspaceConfigurationInfo) => {
        const fromActivity = lastResultOf(configuration, lastFinished.get(configuration.id)?.status ?? null);
        if (fromActivity) return fromActivity;
        // Older than the activity's day: a last success at or after the last run means that run succeeded.
        const success = lastSuccessOf(configuration);
        return success && configuration.lastRunAt && success >= configuration.lastRunAt ? "success" : null;
      };

      const period = usagePeriod(new Date(clock()));
      const usage: SnapshotUsage[] = [];
      const unreadableSizes: string[] = [];
      for (const { agent } of agents) {
        const row = toSnapshotUsage(agent, session.tenantId, period);
        if (row) usage.push(row);
        else unreadableSizes.push(`${agent.machineName} ("${String(agent.raw.BackupVaultSize)}")`);
      }
      if (unreadableSizes.length) warnings.push(`Vault size not readable for ${unreadableSizes.length} agents: ${unreadableSizes.slice(0, 5).join(", ")}`);

      const recent = activity
        .filter((item) => agentIds.has(item.sourceAgentId))
        .map(toSnapshotRun)
        .filter((run): run is SnapshotRun => run !== null);
      // The activity's word on a backup wins over the history's (it may be newer, e.g. a restore point expired).
      const recentIds = new Set(recent.map((run) => run.vendorId));
      const runs = [...recent, ...backfill.filter((run) => !recentIds.has(run.vendorId) && agentIds.has(Number(run.endpointVendorId)))];

      const snapshot: VendorSnapshot = {
        customers: [toSnapshotCustomer(session)],
        endpoints: agents.map((read) => ({
          ...toSnapshotEndpoint(
            read.agent,
            session.tenantId,
            (configurationsByAgent.get(read.agent.id) ?? []).map((configuration) => configurationStatusOf(configuration, lastResult(configuration))),
            read.source !== "list",
          ),
          detailsReadAt: read.source === "list" ? null : read.readAt,
        })),
        configurations: configurations.map((configuration) => toSnapshotConfiguration(configuration, lastSuccessOf(configuration), lastResult(configuration))),
        runs,
        usage,
        warnings: [...warnings, ...client.notes.take()],
        unreadable: { endpoints: client.notes.takeSkipped("agent"), configurations: client.notes.takeSkipped("backup configuration") },
        requestCount: client.requestCount - requestsBefore,
      };
      return snapshot;
    },

    async fetchRunReport(run, signal) {
      const parsed = parseRunVendorId(run.vendorId);
      if (parsed?.type === "backup") return backupRunReport(await client.getBackupReport(parsed.id, signal));
      if (parsed?.type === "restore") return restoreRunReport(await client.getRestoreReport(parsed.id, signal));
      return null; // cleanups have no report
    },

    async fetchConfigurationReport(configuration, signal) {
      try {
        return configurationReport(await client.getConfiguration(Number(configuration.vendorId), signal));
      } catch (error) {
        if (error instanceof VendorError && error.kind === "not_found") return null;
        throw error;
      }
    },
  };
}
