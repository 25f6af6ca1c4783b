// Builds the initial fleet from a seed: tenants (one per account), their agents (OS, region, network,
// encryption, health, future or past outages) and backup configurations (schedule, selection, retention).
import { hashInts, hashText, hashUnit } from "@/lib/simulator-kit/hash";
import { createRandom, type Random } from "@/lib/simulator-kit/random";
import type { RackspaceRegion } from "../schemas";
import type {
  Agent,
  BackupConfiguration,
  ConfigurationFile,
  Dataset,
  FileItemType,
  OperatingSystem,
  RackspaceAccount,
  Tenant,
} from "./model";
import { DAY_MS, HOUR_MS, type Schedule } from "./schedule";

/** Id counters, started where the seed's examples live so ids look like the real service's. */
export class IdSequences {
  agent = 213_560;
  configuration = 148_300;
  schedule = 145_400;
  file = 35_000;
  backup = 134_300;
  restore = 1_390;
  restoreFile = 52_000;
}

const REGION_WEIGHTS: readonly (readonly [RackspaceRegion, number])[] = [
  ["DFW", 30],
  ["IAD", 25],
  ["ORD", 20],
  ["LON", 15],
  ["SYD", 5],
  ["HKG", 5],
];

/** First two octets of each region's public addresses. */
const REGION_NETWORKS: Record<RackspaceRegion, string> = {
  DFW: "104.130",
  IAD: "162.242",
  ORD: "23.253",
  LON: "134.213",
  SYD: "119.9",
  HKG: "103.252",
};

const REGION_TIME_ZONES: Record<RackspaceRegion, string> = {
  DFW: "Central Standard Time",
  ORD: "Central Standard Time",
  IAD: "Eastern Standard Time",
  LON: "GMT Standard Time",
  SYD: "AUS Eastern Standard Time",
  HKG: "China Standard Time",
};

const OPERATING_SYSTEMS: readonly (readonly [OperatingSystem, number])[] = [
  [{ name: "Windows Server 2012", version: "", family: "windows", architecture: "64-bit" }, 4],
  [{ name: "Windows Server 2012 R2", version: "6.3.9600", family: "windows", architecture: "64-bit" }, 8],
  [{ name: "Windows Server 2016", version: "10.0.14393", family: "windows", architecture: "64-bit" }, 12],
  [{ name: "Windows Server 2019", version: "10.0.17763", family: "windows", architecture: "64-bit" }, 14],
  [{ name: "Windows Server 2022", version: "10.0.20348", family: "windows", architecture: "64-bit" }, 10],
  [{ name: "Ubuntu", version: "18.04", family: "linux", architecture: "64-bit" }, 5],
  [{ name: "Ubuntu", version: "20.04", family: "linux", architecture: "64-bit" }, 10],
  [{ name: "Ubuntu", version: "22.04", family: "linux", architecture: "64-bit" }, 12],
  [{ name: "CentOS", version: "6.10", family: "linux", architecture: "32-bit" }, 2],
  [{ name: "CentOS", version: "7.9.2009", family: "linux", architecture: "64-bit" }, 8],
  [{ name: "Debian", version: "11", family: "linux", architecture: "64-bit" }, 5],
  [{ name: "Debian", version: "12", family: "linux", architecture: "64-bit" }, 5],
  [{ name: "Red Hat Enterprise Linux", version: "7.9", family: "linux", architecture: "64-bit" }, 3],
  [{ name: "Red Hat Enterprise Linux", version: "8.9", family: "linux", architecture: "64-bit" }, 5],
];

const AGENT_VERSIONS: readonly (readonly [string, number])[] = [
  ["1.05.005848", 3],
  ["1.08.007212", 7],
  ["1.16.010346", 15],
  ["1.24.012500", 30],
  ["1.31.014002", 45],
];

const WINDOWS_ROLES = ["WEB", "SQL", "DC", "FS", "APP", "RDS", "EXCH", "IIS", "BI"] as const;
const LINUX_ROLES = ["web", "db", "app", "cache", "mq", "git", "ci", "mail"] as const;
const LINUX_ENVIRONMENTS = [["prod", 6], ["stage", 2], ["dev", 1]] as const;

type Selection = readonly (readonly [string, FileItemType])[];

interface ConfigurationTemplate {
  label: string;
  include: Selection;
  exclude: Selection;
}

const WINDOWS_TEMPLATES: readonly ConfigurationTemplate[] = [
  { label: "System Backup", include: [["C:\\Users", "Folder"], ["C:\\ProgramData\\App", "Folder"]], exclude: [["C:\\Users\\Public\\Temp", "Folder"]] },
  { label: "Website Backup", include: [["C:\\inetpub\\wwwroot", "Folder"], ["C:\\inetpub\\web.config", "File"]], exclude: [["C:\\inetpub\\wwwroot\\cache", "Folder"]] },
  { label: "SQL Backup Files", include: [["D:\\SQLBackups", "Folder"]], exclude: [] },
  { label: "File Share Backup", include: [["D:\\Shares", "Folder"]], exclude: [["D:\\Shares\\Scratch", "Folder"], ["D:\\Shares\\desktop.ini", "File"]] },
  { label: "Log Backup", include: [["C:\\Websites\\Logs", "Folder"]], exclude: [] },
];

const LINUX_TEMPLATES: readonly ConfigurationTemplate[] = [
  { label: "Full Backup", include: [["/etc", "Folder"], ["/home", "Folder"], ["/var/www", "Folder"]], exclude: [["/var/www/cache", "Folder"]] },
  { label: "Database Dumps", include: [["/var/backups/mysql", "Folder"]], exclude: [] },
  { label: "Web Content", include: [["/var/www/html", "Folder"]], exclude: [["/var/www/html/tmp", "Folder"]] },
  { label: "App Data", include: [["/opt/app/data", "Folder"], ["/opt/app/config.yml", "File"]], exclude: [] },
  { label: "Config Backup", include: [["/etc", "Folder"]], exclude: [] },
];

const FREQUENCY_WORDS = { Manually: "Manual", Hourly: "Hourly", Daily: "Daily", Weekly: "Weekly" } as const;

/** Log-uniform number between min and max: sizes and counts span orders of magnitude. */
function logUniform(unit: number, min: number, max: number): number {
  return Math.exp(Math.log(min) + unit * (Math.log(max) - Math.log(min)));
}

/** Dump and backup folders are rewritten wholesale between runs; ordinary data changes a few percent. */
const HIGH_CHURN_PATH = /backup|dump|sql/i;

/** What a selection amounts to, derived from its paths so the same configuration always has the same data. */
export function datasetFor(worldSeed: number, configurationId: number, inclusions: readonly ConfigurationFile[], exclusions: readonly ConfigurationFile[]): Dataset {
  let files = 0;
  let bytes = 0;
  let churn = 0;
  for (const item of inclusions) {
    const seed = hashInts(worldSeed, configurationId, hashText(item.path));
    const u = (n: number) => hashUnit(seed, n);
    const highChurn = HIGH_CHURN_PATH.test(item.path);
    if (item.itemType === "Folder") {
      const count = Math.round(highChurn ? logUniform(u(1), 5, 200) : logUniform(u(1), 200, 200_000));
      files += count;
      bytes += count * (highChurn ? logUniform(u(2), 20e6, 500e6) : logUniform(u(2), 10e3, 1e6));
    } else {
      files += 1;
      bytes += item.itemType === "Database" ? logUniform(u(2), 100e6, 50e9) : logUniform(u(2), 1e3, 2e9);
    }
    churn = Math.max(churn, highChurn ? 0.5 + 0.5 * u(3) : logUniform(u(3), 0.002, 0.05));
  }
  const kept = exclusions.reduce((share, item) => share * (0.8 + 0.15 * hashUnit(worldSeed, configurationId, hashText(item.path))), 1);
  return { files: Math.max(1, Math.round(files * kept)), bytes: Math.round(bytes * kept), churn: churn || 0.01 };
}

export interface FleetOptions {
  seed: number;
  endpoints: number;
  accounts: readonly RackspaceAccount[];
  now: number;
  ids: IdSequences;
}

export function generateTenants(options: FleetOptions): Tenant[] {
  const random = createRandom(options.seed);
  const tenantIds = new Set<string>();
  let keySlot = 0;
  return options.accounts.map((account, index) => {
    let id: string;
    do id = String(random.int(400_000, 999_999));
    while (tenantIds.has(id));
    tenantIds.add(id);
    const tenant: Tenant = {
      id,
      account,
      userId: String(random.int(10_000_000, 99_999_999)),
      defaultRegion: random.weighted(REGION_WEIGHTS),
      filesAccount: `MossoCloudFS_${random.uuid()}`,
      agents: new Map(),
      restores: new Map(),
    };
    const share = Math.floor(options.endpoints / options.accounts.length) + (index < options.endpoints % options.accounts.length ? 1 : 0);
    const names = new MachineNames(account.username);
    for (let i = 0; i < share; i++) {
      const agent = generateAgent(tenant, keySlot++, random, names, options);
      tenant.agents.set(agent.id, agent);
    }
    return tenant;
  });
}

/** Unique, role-based server names per tenant: "DEMO-SQL02", "web-prod-03". */
class MachineNames {
  private readonly counters = new Map<string, number>();
  private readonly code: string;

  constructor(username: string) {
    this.code = (username.replace(/[^a-z0-9]/gi, "").slice(0, 5) || "CUST").toUpperCase();
  }

  next(os: OperatingSystem, random: Random): string {
    const windows = os.family === "windows";
    const stem = windows
      ? `${this.code}-${random.pick(WINDOWS_ROLES)}`
      : `${random.pick(LINUX_ROLES)}-${random.weighted(LINUX_ENVIRONMENTS)}`;
    const count = (this.counters.get(stem) ?? 0) + 1;
    this.counters.set(stem, count);
    return windows ? `${stem}${String(count).padStart(2, "0")}` : `${stem}-${String(count).padStart(2, "0")}`;
  }
}

function generateAgent(tenant: Tenant, keySlot: number, random: Random, names: MachineNames, options: FleetOptions): Agent {
  const { now, ids } = options;
  ids.agent += random.int(1, 7);
  const datacenter = random.weighted(REGION_WEIGHTS);
  const os = random.weighted(OPERATING_SYSTEMS);
  const outage = random.weighted([["none", 90], ["past", 6], ["future", 4]] as const);
  const agent: Agent = {
    id: ids.agent,
    tenant,
    keySlot,
    hostServerId: random.uuid(),
    machineName: names.next(os, random),
    ipAddress: `${REGION_NETWORKS[datacenter]}.${random.int(0, 255)}.${random.int(1, 254)}`,
    os,
    agentVersion: random.weighted(AGENT_VERSIONS),
    datacenter,
    useServiceNet: random.chance(0.7),
    useFailoverUri: random.chance(0.2),
    cleanupAllowed: random.chance(0.8),
    isDisabled: random.chance(0.03),
    passphrase: null,
    offlineFrom:
      outage === "past" ? now - random.int(HOUR_MS, 20 * DAY_MS) : outage === "future" ? now + random.int(HOUR_MS, 30 * DAY_MS) : null,
    onlineAgainAt: null,
    baseVaultBytes: 0,
    containerId: random.uuid(),
    loggingLevelId: 4,
    health: random.weighted([["healthy", 75], ["flaky", 20], ["broken", 5]] as const),
    configurations: [],
  };
  // The passphrase of generated encrypted vaults is documented so tests and demos can restore them.
  if (random.chance(0.2)) agent.passphrase = `passphrase-${agent.id}`;
  const count = random.weighted([[1, 55], [2, 35], [3, 10]] as const);
  for (let i = 0; i < count; i++) agent.configurations.push(generateConfiguration(agent, random, options));
  agent.baseVaultBytes = Math.round(
    agent.configurations.reduce((sum, configuration) => sum + configuration.dataset.bytes * (0.5 + 0.4 * random.next()), 0),
  );
  return agent;
}

function generateSchedule(random: Random, frequency: Schedule["frequency"], timeZoneId: string, anchorAt: number): Schedule {
  const hour24 = random.pick([19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5]);
  const timed = frequency === "Daily" || frequency === "Weekly";
  return {
    frequency,
    hour12: timed ? hour24 % 12 || 12 : null,
    minute: timed ? random.pick([0, 0, 15, 30, 30, 45, random.int(0, 59)]) : null,
    amPm: timed ? (hour24 >= 12 ? "PM" : "AM") : null,
    dayOfWeek: frequency === "Weekly" ? random.int(0, 6) : null,
    hourInterval: frequency === "Hourly" ? random.weighted([[1, 30], [2, 20], [4, 25], [6, 15], [12, 10]] as const) : null,
    timeZoneId,
    anchorAt,
  };
}

function generateConfiguration(agent: Agent, random: Random, options: FleetOptions): BackupConfiguration {
  const { ids, now } = options;
  const template = random.pick(agent.os.family === "windows" ? WINDOWS_TEMPLATES : LINUX_TEMPLATES);
  const frequency = random.weighted([["Daily", 55], ["Weekly", 20], ["Hourly", 12], ["Manually", 13]] as const);
  const toFiles = (selection: Selection): ConfigurationFile[] =>
    selection.map(([path, itemType]) => ({ id: ++ids.file, path, itemType }));
  const id = ++ids.configuration;
  const inclusions = toFiles(template.include);
  const exclusions = toFiles(template.exclude);
  const timeZoneId = random.chance(0.85) ? REGION_TIME_ZONES[agent.datacenter] : random.pick(["UTC", "Eastern Standard Time"]);
  const createdAt = Math.floor((now - random.int(30, 400) * DAY_MS - random.int(0, DAY_MS)) / 60_000) * 60_000;
  return {
    id,
    scheduleId: ++ids.schedule,
    agent,
    name: `${FREQUENCY_WORDS[frequency]} ${template.label}`,
    isActive: random.chance(0.93),
    isDeleted: false,
    versionRetention: random.weighted([[30, 50], [60, 35], [0, 15]] as const),
    missedBackupActionId: random.pick([1, 2]),
    schedule: generateSchedule(random, frequency, timeZoneId, createdAt),
    notifyRecipients: `${agent.tenant.account.username.toLowerCase()}-alerts@example.com`,
    notifySuccess: random.chance(0.3),
    notifyFailure: random.chance(0.9),
    inclusions,
    exclusions,
    dataset: datasetFor(options.seed, id, inclusions, exclusions),
    runs: [],
    nextRunAt: null,
  };
}
