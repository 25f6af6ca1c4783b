// The MSP360 adapter: reads a provider's whole account in a handful of list calls and hands the sync engine
// one normalized snapshot. Calls per snapshot: login (only without a usable cached token), Companies, Users,
// Computers (one per 1,000 computers), Monitoring, and two Billing calls: 16 for 10,000 endpoints; plus one plan
// list per computer whose Monitoring entries leave a plan's schedule unclear (several week days, monthly).
import type { ConnectionRuntime, SnapshotConfiguration, SnapshotRun, SnapshotSchedule, VendorAdapter, VendorSnapshot } from "../contract";
import { occurrences } from "../schedule";
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

/** Computers whose plan list is read in one sync for exact schedules, and how many at a time. */
const MAX_SCHEDULE_READS = 200;
const SCHEDULE_READ_CONCURRENCY = 4;

type ExactSchedule = { schedule: SnapshotSchedule; enabled: boolean };
/** Plan schedules read from plan lists, per connection (an account), by plan id. Lost on restart: read again. */
const exactSchedules = new Map<string, Map<string, ExactSchedule>>();

function exactSchedulesOf(runtime: ConnectionRuntime): Map<string, ExactSchedule> {
  const key = `${runtime.id}|${runtime.baseUrl}|${runtime.username}`;
  let known = exactSchedules.get(key);
  if (!known) exactSchedules.set(key, (known = new Map()));
  return known;
}

/** A remembered schedule still holds while Monitoring's next run is one of its occurrences (else it changed). */
function stillFits(schedule: SnapshotSchedule, nextRunAt: Date | null | undefined): boolean {
  if (!schedule.rule || !nextRunAt) return false;
  return occurrences(schedule.rule, new Date(nextRunAt.getTime() - 60_000), new Date(nextRunAt.getTime() + 60_000)).length > 0;
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

  /**
   * Monitoring tells a plan's schedule only by the spacing of its last and next run: a plan on several week
   * days shows the gap to its next day alone (and a workdays plan looks daily from Monday to Thursday), a
   * monthly one a month. The computer's plan list states the schedule (every listed day, the time, the enabled
   * flag). It is read once per computer and remembered while Monitoring's next run still fits it; at most
   * MAX_SCHEDULE_READS computers a sync (unclear ones first), a few at a time. Until read, the guess stands.
   */
  async function readExactSchedules(configurationsByHid: Map<string, SnapshotConfiguration[]>, signal?: AbortSignal): Promise<string[]> {
    const known = exactSchedulesOf(runtime);
    const unread: { hid: string; unclear: boolean }[] = [];
    for (const [hid, plans] of configurationsByHid) {
      let unclear = false;
      let stale = false;
      for (const plan of plans) {
        const exact = known.get(plan.vendorId);
        if (exact && stillFits(exact.schedule, plan.nextRunAt)) {
          plan.schedule = exact.schedule;
          plan.enabled = exact.enabled;
        } else if (plan.schedule.approximate || plan.schedule.rule?.kind === "calendar") {
          stale = true;
          unclear ||= plan.schedule.approximate === true;
        }
      }
      if (stale) unread.push({ hid, unclear });
    }
    unread.sort((a, b) => Number(b.unclear) - Number(a.unclear));
    const chosen = unread.slice(0, MAX_SCHEDULE_READS).map((entry) => entry.hid);
    let failed = 0;
    for (let i = 0; i < chosen.length; i += SCHEDULE_READ_CONCURRENCY) {
      await Promise.all(
        chosen.slice(i, i + SCHEDULE_READ_CONCURRENCY).map(async (hid) => {
          let details: SnapshotConfiguration[] | null;
          try {
            details = await fetchPlanDetails(hid, signal);
          } catch (error) {
            if (!(error instanceof VendorError)) throw error;
            failed++;
            return;
          }
          const byId = new Map((details ?? []).map((plan) => [plan.vendorId, plan]));
          for (const plan of configurationsByHid.get(hid) ?? []) {
            const exact = byId.get(plan.vendorId);
            // A plan the list does not describe keeps its guess, remembered so that it is not read every sync.
            const found = exact?.schedule.rule ? exact : plan;
            known.set(plan.vendorId, { schedule: found.schedule, enabled: found.enabled });
            plan.schedule = found.schedule;
            plan.enabled = found.enabled;
          }
        }),
      );
    }
    const warnings: string[] = [];
    const unclearLeft = unread.slice(MAX_SCHEDULE_READS).filter((entry) => entry.unclear).length;
    if (unclearLeft) warnings.push(`The schedules of ${unclearLeft} computer(s) are estimated from their last and next run until they are read over the next syncs.`);
    if (failed) warnings.push(`The plan schedules of ${failed} computer(s) could not be read; they are estimated from their last and next run.`);
    return warnings;
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
      warnings.push(...(await readExactSchedules(configurationsByHid, signal)));

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
