// The MSP360 adapter: reads a provider's whole account in a handful of list calls and hands the sync engine
// one normalized snapshot. Calls per snapshot: login (only without a usable cached token), Companies, Users,
// Computers (one per 1,000 computers), Monitoring, and two Billing calls: 16 for 10,000 endpoints.
import type { ConnectionRuntime, SnapshotConfiguration, SnapshotRun, VendorAdapter, VendorSnapshot } from "../contract";
import { VendorError } from "../errors";
import { msp360Actions } from "./actions";
import { Msp360Client, type CallOptions } from "./client";
import {
  ComputerDirectory,
  CustomerDirectory,
  monthPeriod,
  msp360Date,
  planToConfiguration,
  toConfiguration,
  toEndpoint,
  toRun,
  toUsage,
  configurationReportOf,
  runReportOf,
} from "./map";
import { msp360MonitoringSchema, type Msp360Computer, type Msp360Monitoring } from "./schemas";
import { lenient } from "../tolerant";

export interface Msp360Adapter extends VendorAdapter {
  readonly client: Msp360Client;
  /**
   * One computer's plans as the vendor describes them (GET api/Computers/{hid}/Plans: exact schedule, enabled
   * flag, destination); null for an unknown computer. One request, never part of a sync.
   */
  fetchPlanDetails(hid: string, signal?: AbortSignal): Promise<SnapshotConfiguration[] | null>;
}

/**
 * MBS answers carry no server time. Online agents report a heartbeat every few minutes, so the newest
 * LastActivity tracks the server's clock when it runs ahead of ours (as the simulator's does in tests).
 */
function serverNow(computers: readonly Msp360Computer[], monitoring: readonly Msp360Monitoring[], clock: () => number): number {
  let now = clock();
  for (const computer of computers) now = Math.max(now, msp360Date(computer.LastActivity)?.getTime() ?? 0);
  for (const item of monitoring) now = Math.max(now, msp360Date(item.LastStart)?.getTime() ?? 0);
  return now;
}

/** The middle of the month before `now`'s, as an MBS date (mid-month: no zone can move it to another month). */
function previousMonthDate(now: number): string {
  const date = new Date(now);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 15)).toISOString().slice(0, 19);
}

/** A vendor failure becomes a warning (the rest of the snapshot stays good); anything else is a bug: rethrown. */
function warningOf(what: string, error: unknown): string {
  if (error instanceof VendorError) return `${what} could not be read: ${error.message}`;
  throw error;
}

export function createMsp360Adapter(runtime: ConnectionRuntime): Msp360Adapter {
  const client = new Msp360Client(runtime);

  async function readUsage(customers: CustomerDirectory, now: number, call: CallOptions) {
    const current = monthPeriod(now);
    const previousDate = previousMonthDate(now);
    const previous = monthPeriod(Date.parse(`${previousDate}Z`));
    const [currentBill, previousBill] = await Promise.allSettled([
      client.getBilling(call),
      client.queryBilling({ Date: previousDate }, call),
    ]);
    const usage = [];
    const warnings: string[] = [];
    if (currentBill.status === "fulfilled") usage.push(...toUsage(currentBill.value, current, customers));
    else warnings.push(warningOf(`Usage for ${current}`, currentBill.reason));
    if (previousBill.status === "fulfilled") usage.push(...toUsage(previousBill.value, previous, customers));
    else warnings.push(warningOf(`Usage for ${previous}`, previousBill.reason));
    return { usage, warnings };
  }

  async function fetchPlanDetails(hid: string, signal?: AbortSignal) {
    const plans = await client.listComputerPlans(hid, { signal });
    return plans?.map((plan) => planToConfiguration(plan, hid.toLowerCase())) ?? null;
  }

  return {
    vendor: "msp360",
    client,
    actions: msp360Actions(client),

    async testConnection() {
      await client.login();
      const { Count } = await client.listComputers(0, 1);
      return { summary: `Signed in; ${Count} computer${Count === 1 ? "" : "s"} visible` };
    },

    async fetchSnapshot({ signal } = {}): Promise<VendorSnapshot> {
      const startCount = client.requestCount;
      const call: CallOptions = { signal };
      // Customers are core too: the engine marks customers missing from a snapshot as removed.
      const [companies, users, computers, monitoring] = await Promise.all([
        client.listCompanies(call),
        client.listUsers(call),
        client.listAllComputers(undefined, call),
        client.listMonitoring(call),
      ]);
      const now = serverNow(computers, monitoring, runtime.now ?? Date.now);
      const customers = new CustomerDirectory(companies, users);
      const directory = new ComputerDirectory(computers);
      const warnings: string[] = [];

      const configurations: SnapshotConfiguration[] = [];
      const runs: SnapshotRun[] = [];
      const configurationsByHid = new Map<string, SnapshotConfiguration[]>();
      let unmatched = 0;
      for (const item of monitoring) {
        const hid = directory.hidOf(item);
        if (!hid) {
          unmatched++;
          continue;
        }
        const configuration = toConfiguration(item, hid, client.notes);
        configurations.push(configuration);
        const ofComputer = configurationsByHid.get(hid);
        if (ofComputer) ofComputer.push(configuration);
        else configurationsByHid.set(hid, [configuration]);
        const run = toRun(item, hid);
        if (run) runs.push(run);
      }
      if (unmatched) warnings.push(`${unmatched} plan(s) in Monitoring name a computer missing from the computer list; they were left out.`);

      const endpoints = computers.map((computer) =>
        toEndpoint(
          computer,
          {
            customerVendorId: customers.customerOf(computer.UserID, computer.CompanyName),
            userEnabled: customers.user(computer.UserID)?.Enabled ?? true,
            now,
          },
          configurationsByHid.get(computer.ComputerHID.toLowerCase()) ?? [],
        ),
      );

      const usage = await readUsage(customers, now, call);
      warnings.push(...usage.warnings, ...client.notes.take());

      const lower = (ids: string[]) => ids.map((id) => id.toLowerCase());
      return {
        customers: customers.customers,
        endpoints,
        configurations,
        runs,
        usage: usage.usage,
        warnings,
        unreadable: {
          customers: lower([...client.notes.takeSkipped("company"), ...client.notes.takeSkipped("user")]),
          endpoints: lower(client.notes.takeSkipped("computer")),
          configurations: lower(client.notes.takeSkipped("plan")),
        },
        requestCount: client.requestCount - startCount,
      };
    },

    fetchPlanDetails,

    /** MBS keeps only each plan's latest run: the report is the live Monitoring entry while the run is that one. */
    async fetchRunReport(run, signal) {
      const stored = lenient(msp360MonitoringSchema).safeParse(run.raw);
      if (!stored.success) return null;
      const live = await client.listUserMonitoring(stored.data.UserID, { signal });
      const current = live?.find((item) => item.PlanId?.toLowerCase() === stored.data.PlanId?.toLowerCase() && item.ComputerName === stored.data.ComputerName);
      const latest = current && current.LastStart === stored.data.LastStart ? current : null;
      return runReportOf(latest ?? stored.data, { live: latest !== null });
    },

    async fetchConfigurationReport(configuration, signal) {
      const plans = await fetchPlanDetails(configuration.endpointVendorId, signal);
      const plan = plans?.find((candidate) => candidate.vendorId === configuration.vendorId);
      return plan ? configurationReportOf(plan) : null;
    },
  };
}
