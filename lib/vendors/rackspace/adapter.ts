// The Rackspace Cloud Backup adapter: one tenant's agents, configurations, recent activity and vault sizes as
// the app's normalized snapshot. The agent list cannot tell Online from Offline (it always says Offline), so
// each agent's details are read too, a few at a time. The agent and configuration lists are the core: without
// them the engine would take everything for removed, so their failures throw. Agent details and activity are
// extras: when they fail the snapshot still comes back, with a warning.
import type { ConnectionRuntime, SnapshotRun, SnapshotUsage, VendorAdapter, VendorSnapshot } from "@/lib/sync/snapshot";
import { VendorError, describeVendorError } from "@/lib/vendors/errors";
import { RackspaceClient, type RackspaceClientOptions } from "./client";
import {
  configurationStatusOf,
  statusOfState,
  toSnapshotConfiguration,
  toSnapshotCustomer,
  toSnapshotEndpoint,
  toSnapshotRun,
  toSnapshotUsage,
  usagePeriod,
  type RackspaceActivityInfo,
  type RackspaceAgentInfo,
  type RackspaceBackupReportInfo,
  type RackspaceConfigurationInfo,
  type RackspaceRestoreReportInfo,
} from "./map";

/** Agent details read in parallel: enough to finish 10,000 agents in reasonable time, few enough to be polite. */
export const AGENT_DETAILS_CONCURRENCY = 8;

export interface RackspaceAdapter extends VendorAdapter {
  readonly client: RackspaceClient;
  /** The vendor's report of one backup, for the run detail view: state, times, file and byte counts, errors. */
  fetchBackupReport(backupId: number, signal?: AbortSignal): Promise<RackspaceBackupReportInfo>;
  /** The same for a restore. */
  fetchRestoreReport(restoreId: number, signal?: AbortSignal): Promise<RackspaceRestoreReportInfo>;
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
  return error instanceof VendorError ? describeVendorError(error) : String(error);
}

type AgentRead = { agent: RackspaceAgentInfo; detailed: true } | { agent: RackspaceAgentInfo; detailed: false; error: unknown } | null;

/** The newest successful run per configuration among the activity items. */
function lastSuccessByConfiguration(activity: readonly RackspaceActivityInfo[]): Map<number, Date> {
  const latest = new Map<number, Date>();
  for (const item of activity) {
    if (item.type !== "Backup" || !item.at || statusOfState(item.state) !== "success") continue;
    const known = latest.get(item.configurationId);
    if (!known || item.at > known) latest.set(item.configurationId, item.at);
  }
  return latest;
}

export function createRackspaceAdapter(runtime: ConnectionRuntime, options: RackspaceClientOptions = {}): RackspaceAdapter {
  const client = new RackspaceClient(runtime, options);
  const now = () => new Date(options.now?.() ?? Date.now());
  const region = runtime.region?.toUpperCase() ?? null;
  // Every regional endpoint lists the whole tenant: a connection tied to a region keeps that region's agents.
  const inRegion = (agent: RackspaceAgentInfo) => region === null || agent.datacenter.toUpperCase() === region;

  /** Details of one agent; the list entry when they cannot be read; null when the agent is gone meanwhile. */
  async function readAgent(listed: RackspaceAgentInfo, signal?: AbortSignal): Promise<AgentRead> {
    try {
      return { agent: await client.getAgent(listed.id, signal), detailed: true };
    } catch (error) {
      if (signal?.aborted) throw error;
      if (error instanceof VendorError && error.kind === "not_found") return null;
      return { agent: listed, detailed: false, error };
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

  return {
    client,

    async testConnection() {
      const session = await client.session();
      const agents = (await client.listAgents()).filter(inRegion);
      const where = region ? ` in ${region}` : "";
      return { summary: `Signed in as tenant ${session.tenantId}; ${agents.length} agent${agents.length === 1 ? "" : "s"} visible${where}` };
    },

    async fetchSnapshot(signal) {
      const requestsBefore = client.requestCount;
      const session = await client.session();
      const warnings: string[] = [];
      const listed = (await client.listAgents(signal)).filter(inRegion);
      const [reads, allConfigurations, activity] = await Promise.all([
        mapConcurrently(listed, AGENT_DETAILS_CONCURRENCY, (agent) => readAgent(agent, signal)),
        client.listConfigurations(signal),
        readActivity(warnings, signal),
      ]);

      const agents = reads.filter((read): read is NonNullable<AgentRead> => read !== null);
      const failed = agents.flatMap((read) => (read.detailed ? [] : [read]));
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
      const agentById = new Map(agents.map((read) => [read.agent.id, read.agent]));
      /** Activity covers about a day; an agent with one configuration has that configuration's last success on record. */
      const lastSuccessOf = (configuration: RackspaceConfigurationInfo): Date | null => {
        const fromActivity = lastSuccess.get(configuration.id);
        if (fromActivity) return fromActivity;
        const soleConfiguration = configurationsByAgent.get(configuration.agentId)?.length === 1;
        return soleConfiguration ? (agentById.get(configuration.agentId)?.lastSuccessfulBackupAt ?? null) : null;
      };

      const period = usagePeriod(now());
      const usage: SnapshotUsage[] = [];
      const unreadableSizes: string[] = [];
      for (const { agent } of agents) {
        const row = toSnapshotUsage(agent, session.tenantId, period);
        if (row) usage.push(row);
        else unreadableSizes.push(`${agent.machineName} ("${agent.raw.BackupVaultSize}")`);
      }
      if (unreadableSizes.length) warnings.push(`Vault size not readable for ${unreadableSizes.length} agents: ${unreadableSizes.slice(0, 5).join(", ")}`);

      const runs = activity
        .filter((item) => agentIds.has(item.sourceAgentId))
        .map(toSnapshotRun)
        .filter((run): run is SnapshotRun => run !== null);

      const snapshot: VendorSnapshot = {
        customers: [toSnapshotCustomer(session)],
        endpoints: agents.map((read) =>
          toSnapshotEndpoint(read.agent, session.tenantId, (configurationsByAgent.get(read.agent.id) ?? []).map(configurationStatusOf), read.detailed),
        ),
        configurations: configurations.map((configuration) => toSnapshotConfiguration(configuration, lastSuccessOf(configuration))),
        runs,
        usage,
        warnings,
        requestCount: client.requestCount - requestsBefore,
      };
      return snapshot;
    },

    fetchBackupReport: (backupId, signal) => client.getBackupReport(backupId, signal),
    fetchRestoreReport: (restoreId, signal) => client.getRestoreReport(restoreId, signal),
  };
}
