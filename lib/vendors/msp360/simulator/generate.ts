// Builds one MSP account's fleet from the seed: storage accounts and packages, companies, users, computers
// with their plans, licenses and administrators. Same seed and anchor, same world.
import { faker } from "@faker-js/faker/locale/en";
import { hashInts, randomFor } from "@/lib/simulator-kit/hash";
import type { Random } from "@/lib/simulator-kit/random";
import { MSP360_ADMIN_PERMISSIONS, MSP360_STORAGE_ACCOUNT_TYPES } from "../schemas";
import { AGENT_VERSIONS } from "./builds";
import type {
  Administrator,
  Company,
  Computer,
  ComputerRole,
  License,
  OsFamily,
  Plan,
  PlanKind,
  ProviderData,
  StorageAccount,
  StoragePackage,
  User,
  WorldContext,
} from "./model";
import type { Schedule } from "./schedule";
import { DAY, HOUR, MINUTE } from "./time";

const GB = 1024 ** 3;
const MB = 1024 ** 2;

export interface ProviderSpec {
  index: number;
  login: string;
  endpoints: number;
}

const accountType = (name: (typeof MSP360_STORAGE_ACCOUNT_TYPES)[number]) => MSP360_STORAGE_ACCOUNT_TYPES.indexOf(name);

const PACKAGE_TEMPLATES = [
  { name: "Basic 100 GB", description: "Workstations and small offices", cost: 5, storageLimitGb: 100, enabled: true },
  { name: "Standard 500 GB", description: "Office file servers", cost: 15, storageLimitGb: 500, enabled: true },
  { name: "Business 1 TB", description: "Servers with images", cost: 25, storageLimitGb: 1024, enabled: true },
  { name: "Server 2 TB", description: "Large servers and hosts", cost: 45, storageLimitGb: 2048, enabled: true },
  { name: "Enterprise 10 TB", description: "Virtualization hosts", cost: 180, storageLimitGb: 10240, enabled: true },
  { name: "Legacy 50 GB", description: "Retired plan, kept for old customers", cost: 3, storageLimitGb: 50, enabled: false },
];

const FREE_MAIL = ["gmail.com", "outlook.com", "icloud.com", "yahoo.com", "proton.me"];
const WINDOWS_SERVER_OS = [
  "Windows Server 2016 Standard",
  "Windows Server 2019 Standard",
  "Windows Server 2022 Standard",
  "Windows Server 2022 Datacenter",
  "Windows Server 2025 Standard",
];
const WINDOWS_DESKTOP_OS = ["Windows 10 Pro", "Windows 11 Pro", "Windows 11 Enterprise", "Windows 10 Enterprise"];
const MAC_OS = ["macOS 13 Ventura", "macOS 14 Sonoma", "macOS 15 Sequoia"];
const LINUX_OS = ["Ubuntu 22.04 LTS", "Ubuntu 24.04 LTS", "Debian 12", "Rocky Linux 9", "Red Hat Enterprise Linux 9"];

type ServerRole = "DC" | "FS" | "SQL" | "EXCH" | "HV" | "ESX" | "APP" | "RDS";
const SERVER_ROLES: readonly (readonly [ServerRole, number])[] = [
  ["FS", 30], ["DC", 15], ["SQL", 20], ["APP", 12], ["HV", 10], ["EXCH", 6], ["ESX", 4], ["RDS", 3],
];
const SERVER_LICENSE: Partial<Record<ServerRole, string>> = {
  SQL: "MS SQL Server",
  EXCH: "MS Exchange",
  HV: "Virtual Machine",
  ESX: "Virtual Machine",
};
const LINUX_ROLES = ["web", "db", "nas", "app", "git", "files"] as const;

/** Draws from a log-uniform range: sizes spread over orders of magnitude like real data. */
function logUniform(random: Random, min: number, max: number): number {
  return Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "msp";
}

function randomChars(random: Random, length: number): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  return Array.from({ length }, () => alphabet[random.int(0, alphabet.length - 1)]).join("");
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Keeps generated emails and names unique within a provider. */
class UniqueNames {
  private readonly seen = new Map<string, number>();
  take(name: string, join: (base: string, n: number) => string): string {
    const key = name.toLowerCase();
    const count = this.seen.get(key) ?? 0;
    this.seen.set(key, count + 1);
    return count === 0 ? name : join(name, count + 1);
  }
}

class ProviderGenerator {
  private readonly random: Random;
  private readonly data: ProviderData;
  private readonly emails = new UniqueNames();
  private readonly companyNames = new UniqueNames();

  constructor(
    private readonly ctx: WorldContext,
    private readonly spec: ProviderSpec,
  ) {
    this.random = randomFor(ctx.seed, 1000 + spec.index);
    // The shared en faker is re-seeded here and used synchronously, so other users of it cannot interleave.
    faker.seed(hashInts(ctx.seed, spec.index, 99));
    this.data = {
      slug: slugify(spec.login),
      companies: new Map(),
      users: new Map(),
      computers: [],
      computersByHid: new Map(),
      packages: new Map(),
      nextPackageId: 0,
      accounts: new Map(),
      licenses: new Map(),
      nextLicenseNumber: this.random.int(100_000, 900_000),
      administrators: new Map(),
      customBuildRequests: [],
      ids: randomFor(ctx.seed, 2000 + spec.index),
    };
  }

  build(): ProviderData {
    this.createPackages();
    this.createAccounts();
    this.createFleet();
    this.createSpareLicenses();
    this.createAdministrators();
    return this.data;
  }

  private daysAgo(min: number, max: number): number {
    return this.ctx.anchor - this.random.int(min * 24 * 60, max * 24 * 60) * MINUTE;
  }

  private createPackages(): void {
    let id = this.random.int(100, 900) * 100;
    for (const template of PACKAGE_TEMPLATES) {
      const restoreLimited = this.random.chance(0.3);
      const pkg: StoragePackage = {
        id,
        ...template,
        isGlacierRestoreLimit: false,
        restoreLimit: restoreLimited ? template.storageLimitGb / 10 : -1,
        glacierRestoreType: 3,
        useRestoreLimit: restoreLimited,
      };
      this.data.packages.set(id, pkg);
      id += this.random.int(1, 7);
    }
    this.data.nextPackageId = id + 1;
  }

  private createAccounts(): void {
    const slug = this.data.slug;
    const templates = [
      {
        displayName: "Wasabi - Primary",
        type: accountType("Wasabi"),
        buckets: [`${slug}-clients-01`, `${slug}-clients-02`, `${slug}-servers`],
      },
      {
        displayName: "Amazon S3 - US East",
        type: accountType("AmazonS3"),
        buckets: [`${slug}-backups-us-east-1`, `${slug}-archive`],
      },
      { displayName: "Backblaze B2", type: accountType("BackblazeB2"), buckets: [`${slug}-b2-main`] },
      { displayName: "Office NAS", type: accountType("FS"), buckets: ["\\\\nas01\\backups"] },
    ];
    const chosen = [templates[0], ...templates.slice(1).filter(() => this.random.chance(0.5))];
    for (const template of chosen) {
      if (!template) continue;
      const account: StorageAccount = {
        id: this.random.uuid(),
        resellerAccountId: this.random.uuid(),
        createdAt: this.daysAgo(900, 1500),
        displayName: template.displayName,
        type: template.type,
        settings: {},
        destinations: template.buckets.map((bucket) => ({ id: this.random.uuid(), bucket, displayName: bucket })),
      };
      this.data.accounts.set(account.id, account);
    }
  }

  private cloudDestinations() {
    const list: { accountId: string; destinationId: string }[] = [];
    for (const account of this.data.accounts.values()) {
      if (account.type === accountType("FS")) continue;
      for (const destination of account.destinations) list.push({ accountId: account.id, destinationId: destination.id });
    }
    return list;
  }

  private packageIds(): number[] {
    return [...this.data.packages.values()].filter((p) => p.enabled).map((p) => p.id);
  }

  /** Splits the endpoints across companies (a few large, many small) plus a group of private customers. */
  private createFleet(): void {
    const total = this.spec.endpoints;
    const companyCount = Math.max(1, Math.round(total / 14));
    const weights = Array.from({ length: companyCount }, () => 1 + Math.pow(this.random.next(), 3) * 12);
    const privateShare = total >= 10 ? 0.08 : 0;
    const companyEndpoints = total - Math.round(total * privateShare);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const counts = weights.map((w) => Math.floor((companyEndpoints * w) / weightSum));
    let left = companyEndpoints - counts.reduce((a, b) => a + b, 0);
    for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i] = (counts[i] ?? 0) + 1;

    counts.forEach((count) => {
      const company = this.createCompany();
      new CompanyFleet(this, company).create(count);
    });
    new CompanyFleet(this, null).create(total - companyEndpoints);
  }

  private createCompany(): Company {
    const name = this.companyNames.take(faker.company.name(), (base, n) => `${base} ${n}`);
    const destinations = this.cloudDestinations();
    const destination = destinations.length ? this.random.pick(destinations) : null;
    const company: Company = {
      id: this.random.uuid(),
      name,
      domain: `${slugify(name)}.com`,
      storageLimit: this.random.chance(0.4) ? -1 : this.random.pick([500, 1024, 2048, 5120]) * GB,
      licenseSettings: this.random.weighted([[0, 5], [1, 3], [2, 2]] as const),
      destinations: destination ? [{ destinationId: destination.destinationId, planId: this.random.pick(this.packageIds()) }] : [],
      defaultLicense: null,
      allowedLicenses: [],
    };
    this.data.companies.set(company.id, company);
    return company;
  }

  // ------------------------------------------------------------------ used by CompanyFleet

  get rng(): Random {
    return this.random;
  }

  get context(): WorldContext {
    return this.ctx;
  }

  createUser(company: Company | null, person: { first: string; last: string } | null): User {
    const domain = company?.domain ?? this.random.pick(FREE_MAIL);
    const local = person ? `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]/g, "") : "backup";
    const email = this.emails.take(`${local}@${domain}`, (base, n) => base.replace("@", `${n}@`));
    const destinations = this.cloudDestinations();
    const shared = company?.destinations[0];
    const firstDestination =
      shared && this.random.chance(0.8)
        ? { accountId: this.accountOf(shared.destinationId), destinationId: shared.destinationId }
        : this.random.pick(destinations);
    const chosen = [firstDestination];
    if (this.random.chance(0.2)) chosen.push(this.random.pick(destinations));
    const user: User = {
      id: this.random.uuid(),
      key: this.random.int(0, 2 ** 31),
      email,
      firstName: person?.first ?? "",
      lastName: person?.last ?? "",
      notificationEmails: person ? [email] : company ? [`it@${company.domain}`] : [],
      companyId: company?.id ?? null,
      enabled: this.random.chance(0.97),
      licenseMode: this.random.weighted([[0, 3], [1, 5], [2, company ? 2 : 0]] as const),
      password: `Pw-${this.random.hex(12)}`,
      destinations: chosen.map((d) => ({
        id: this.random.uuid(),
        accountId: d.accountId,
        accountDestinationId: d.destinationId,
        packageId: this.random.pick(this.packageIds()),
      })),
      createdAt: this.daysAgo(950, 1000),
    };
    this.data.users.set(user.id, user);
    return user;
  }

  private accountOf(destinationId: string): string {
    for (const account of this.data.accounts.values()) {
      if (account.destinations.some((d) => d.id === destinationId)) return account.id;
    }
    return "";
  }

  addComputer(computer: Computer, user: User, licenseType: string): void {
    this.data.computers.push(computer);
    this.data.computersByHid.set(computer.hid, computer);
    user.createdAt = Math.min(user.createdAt, computer.createdAt - DAY);
    if (this.random.chance(0.93)) this.createLicense(licenseType, user.id, computer.hid);
  }

  createLicense(type: string, userId: string | null, computerHid: string | null): void {
    const isTrial = this.random.chance(0.07);
    const license: License = {
      id: this.random.uuid(),
      number: this.data.nextLicenseNumber,
      type,
      isTrial,
      expiresAt: this.ctx.anchor + (isTrial ? this.random.int(1, 15) : this.random.int(5, 365)) * DAY,
      transaction: this.random.uuid(),
      userId,
      computerHid,
    };
    this.data.nextLicenseNumber += 1;
    this.data.licenses.set(license.id, license);
  }

  private createSpareLicenses(): void {
    const users = [...this.data.users.values()];
    const spare = Math.ceil(this.spec.endpoints * 0.1);
    for (let i = 0; i < spare; i++) {
      const type = this.random.pick(["Desktop", "Server", "Ultimate", "MS SQL Server", "Virtual Machine"]);
      const grantedOnly = users.length > 0 && this.random.chance(0.2);
      this.createLicense(type, grantedOnly ? this.random.pick(users).id : null, null);
    }
  }

  private createAdministrators(): void {
    const domain = `${this.data.slug}-msp.com`;
    const tech = ["Users", "Monitiring", "RemoteDeploy", "RemoteManagment", "Storage", "Dashboard", "Downloads", "BackupHistory"];
    const billing = ["Billing", "Licenses", "LicenseBuy", "LicenseActivate", "StorageUsage", "CapacityReport", "PurchaseHistory"];
    // The first administrator is the owner with every permission; the rest are technicians or billing staff.
    const count = this.random.int(3, 6);
    const companies = [...this.data.companies.values()];
    for (let i = 0; i < count; i++) {
      const granted = i === 0 ? null : this.random.chance(0.6) ? tech : billing;
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      const permissions = Object.fromEntries(MSP360_ADMIN_PERMISSIONS.map((key) => [key, !granted || granted.includes(key) ? 1 : 0]));
      const scoped = i > 0 && companies.length > 1 && this.random.chance(0.4);
      const admin: Administrator = {
        id: this.random.uuid(),
        email: this.emails.take(`${first}.${last}@${domain}`.toLowerCase().replace(/[^a-z.@-]/g, ""), (b, n) => b.replace("@", `${n}@`)),
        firstName: first,
        lastName: last,
        enabled: i === 0 || this.random.chance(0.9),
        permissions,
        lastLogin: this.random.chance(0.85) ? this.daysAgo(0, 30) : null,
        createdAt: this.daysAgo(60, 1500),
        companies: scoped ? companies.filter(() => this.random.chance(0.3)).map((c) => c.name) : [],
        accessToCompaniesMode: scoped ? 0 : 1,
        accountType: 1,
        password: `Adm-${this.random.hex(12)}`,
      };
      this.data.administrators.set(admin.id, admin);
    }
  }
}

/** Creates one company's computers (or private customers' when `company` is null), their users and plans. */
class CompanyFleet {
  private readonly random: Random;
  private readonly prefix: string;
  private readonly roleCounters = new Map<string, number>();
  private sharedUser: User | null = null;
  private lastPersonUser: { user: User; first: string; computers: number } | null = null;

  constructor(
    private readonly generator: ProviderGenerator,
    private readonly company: Company | null,
  ) {
    this.random = generator.rng;
    const firstWord = company?.name.split(/[\s,-]+/)[0] ?? "HOME";
    this.prefix = firstWord.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 6) || "CORP";
  }

  create(count: number): void {
    for (let i = 0; i < count; i++) this.createComputer();
  }

  private counter(role: string): number {
    const next = (this.roleCounters.get(role) ?? 0) + 1;
    this.roleCounters.set(role, next);
    return next;
  }

  private personUser(): { user: User; first: string } {
    const last = this.lastPersonUser;
    if (last && last.computers < 3 && this.random.chance(this.company ? 0.35 : 0.15)) {
      last.computers += 1;
      return last;
    }
    const first = faker.person.firstName();
    const user = this.generator.createUser(this.company, { first, last: faker.person.lastName() });
    this.lastPersonUser = { user, first, computers: 1 };
    return { user, first };
  }

  private serverUser(): User {
    this.sharedUser ??= this.generator.createUser(this.company, null);
    return this.sharedUser;
  }

  private createComputer(): void {
    const role: ComputerRole = this.company
      ? this.random.weighted([["server", 25], ["workstation", 45], ["laptop", 30]] as const)
      : this.random.weighted([["server", 5], ["workstation", 45], ["laptop", 50]] as const);
    const os: OsFamily =
      role === "server"
        ? this.random.weighted([["windows", 75], ["linux", 25]] as const)
        : role === "workstation"
          ? this.random.weighted([["windows", 90], ["macos", 10]] as const)
          : this.random.weighted([["windows", 70], ["macos", 30]] as const);

    const ctx = this.generator.context;
    const createdAt = ctx.anchor - this.random.int(10 * 24 * 60, 900 * 24 * 60) * MINUTE;
    const owner = role === "server" && this.company ? { user: this.serverUser(), first: "" } : this.personUser();
    const identity = this.identity(role, os, owner.first);

    const offline = this.random.next();
    const offlineSince =
      offline < 0.06
        ? ctx.anchor - this.random.int(3 * 60, 40 * 24 * 60) * MINUTE
        : offline < 0.08
          ? ctx.anchor + this.random.int(2 * 60, 72 * 60) * MINUTE
          : null;
    const versions = AGENT_VERSIONS[os];
    const computer: Computer = {
      hid: this.random.uuid(),
      key: this.random.int(0, 2 ** 31),
      name: identity.name,
      displayName: identity.displayName,
      os,
      osName: identity.osName,
      role,
      profileName: identity.profileName,
      userId: owner.user.id,
      userDestinationId: owner.user.destinations[0]?.id ?? null,
      backupVersion: this.random.chance(0.6) ? (versions[versions.length - 1] ?? "") : this.random.pick(versions),
      hasRemoteAssistant: os === "windows" && this.random.chance(0.6),
      createdAt: offlineSince !== null ? Math.min(createdAt, offlineSince - 7 * DAY) : createdAt,
      offlineSince,
      lostAuth: false,
      authChangedAt: 0,
      plans: [],
    };
    computer.authChangedAt = computer.createdAt;
    if (this.random.chance(0.01)) {
      computer.lostAuth = true;
      computer.authChangedAt = ctx.anchor - this.random.int(1, 20) * DAY;
    }
    computer.plans = new PlanFactory(this.random, ctx, computer, identity.serverRole).create();
    this.generator.addComputer(computer, owner.user, identity.licenseType);
  }

  private identity(role: ComputerRole, os: OsFamily, first: string) {
    const random = this.random;
    if (role === "server" && os === "windows") {
      const serverRole = random.weighted(SERVER_ROLES);
      const name = `${this.prefix}-${serverRole}${pad2(this.counter(serverRole))}`;
      const licenseType = SERVER_LICENSE[serverRole] ?? "Server";
      const osName = random.pick(WINDOWS_SERVER_OS);
      return { name, displayName: name, osName, profileName: "Administrator", licenseType, serverRole };
    }
    if (role === "server") {
      const base = `${random.pick(LINUX_ROLES)}-${pad2(this.counter("linux"))}`;
      const name = this.company && random.chance(0.5) ? `${base}.${this.company.domain}` : base;
      const osName = random.pick(LINUX_OS);
      return { name, displayName: name, osName, profileName: "root", licenseType: "Server", serverRole: null };
    }
    const friendly = first || faker.person.firstName();
    const login = friendly.toLowerCase().replace(/[^a-z]/g, "");
    if (os === "macos") {
      const model = role === "laptop" ? random.pick(["MacBook-Pro", "MacBook-Air"]) : random.pick(["iMac", "Mac-mini"]);
      const name = `${friendly.replace(/[^A-Za-z]/g, "")}s-${model}`;
      const osName = random.pick(MAC_OS);
      return { name, displayName: name, osName, profileName: login, licenseType: "Desktop", serverRole: null };
    }
    const tag = role === "laptop" ? "LT" : "WS";
    // Windows' default names (DESKTOP-7H2KQ9L) or the company's naming scheme (ACME-WS03).
    const name =
      random.chance(0.5) || !this.company
        ? `${role === "laptop" ? "LAPTOP" : "DESKTOP"}-${randomChars(random, 7)}`
        : `${this.prefix}-${tag}${pad2(this.counter(tag))}`;
    const displayName = random.chance(0.25) ? `${friendly}'s ${role === "laptop" ? "laptop" : "PC"}` : name;
    const licenseType = random.chance(0.06) ? "Ultimate" : "Desktop";
    const osName = random.pick(WINDOWS_DESKTOP_OS);
    return { name, displayName, osName, profileName: login, licenseType, serverRole: null };
  }
}

const PLAN_NAMES = {
  serverImage: ["Image-based backup", "Full system image", "Bare metal - system volumes"],
  serverFiles: ["File server - shares", "Files backup", "Departments share"],
  sql: ["SQL Server - full and logs", "SQL databases"],
  linuxFiles: ["Backup /etc and /var/www", "Home directories", "Application data"],
  macFiles: ["Mac documents backup", "Home folder backup"],
  desktopFiles: ["Daily documents backup", "User profile backup", "Documents to cloud"],
  restore: ["Restore - Accounting folder", "Restore to alternative location"],
} as const;

/** Share of a plan's source that changes per day: [min, max]. */
const DAILY_CHANGE: Record<PlanKind, readonly [number, number]> = {
  files: [0.005, 0.04],
  image: [0.02, 0.06],
  sql: [0.05, 0.3],
  exchange: [0.03, 0.08],
  hyperv: [0.02, 0.06],
  vmware: [0.02, 0.06],
  consistency: [0, 0],
  restore: [0, 0],
};

/** The plans a computer of a given kind typically has, with sizes and schedules to match. */
class PlanFactory {
  private readonly plans: Plan[] = [];
  private readonly troubled: boolean;

  constructor(
    private readonly random: Random,
    private readonly ctx: WorldContext,
    private readonly computer: Computer,
    private readonly serverRole: ServerRole | null,
  ) {
    this.troubled = random.chance(0.1);
  }

  create(): Plan[] {
    const { os, role } = this.computer;
    const r = this.random;
    if (os === "windows" && role === "server") {
      const server = this.serverRole;
      if (r.chance(0.9)) this.add("image", PLAN_NAMES.serverImage, this.daily(21, 2), [60, 900]);
      if (server === "FS" || r.chance(0.5)) this.add("files", PLAN_NAMES.serverFiles, this.frequent([4, 6, 12]), [50, 2000]);
      if (server === "SQL") this.add("sql", PLAN_NAMES.sql, this.frequent([1, 2, 4]), [5, 400]);
      if (server === "EXCH") this.add("exchange", ["Exchange mailboxes"], this.daily(20, 23), [50, 800]);
      if (server === "HV") this.add("hyperv", ["Hyper-V VMs"], this.daily(22, 3), [200, 3000]);
      if (server === "ESX") this.add("vmware", ["VMware VMs"], this.daily(22, 3), [200, 3000]);
      if (r.chance(0.25)) this.add("consistency", ["Weekly consistency check"], this.weekly([0], 6, 9), [60, 900]);
    } else if (role === "server") {
      this.add("files", PLAN_NAMES.linuxFiles, this.daily(0, 4), [5, 500]);
      if (r.chance(0.3)) this.add("files", ["MySQL dumps"], this.frequent([6, 12]), [1, 80]);
    } else {
      const names = os === "macos" ? PLAN_NAMES.macFiles : PLAN_NAMES.desktopFiles;
      this.add("files", names, r.chance(0.6) ? this.daily(11, 14) : this.frequent([2, 4]), [2, 150]);
      if (os === "windows" && r.chance(0.4)) {
        this.add("image", ["Weekly image backup"], this.weekly(r.pick([[6], [0], [1, 3, 5], [1, 2, 3, 4, 5]]), 18, 23), [60, 500]);
      }
    }
    if (r.chance(0.04)) {
      const at = this.ctx.anchor - r.int(1, 60) * DAY - r.int(0, 23) * HOUR;
      this.add("restore", PLAN_NAMES.restore, { kind: "once", at }, [1, 50]);
    }
    return this.plans;
  }

  private daily(fromHour: number, toHour: number): Schedule {
    const span = (toHour - fromHour + 24) % 24;
    const hour = (fromHour + this.random.int(0, span)) % 24;
    return { kind: "daily", minuteOfDay: hour * 60 + this.random.pick([0, 15, 30, 45]) };
  }

  private frequent(everyHours: number[]): Schedule {
    return { kind: "hourly", everyHours: this.random.pick(everyHours), minute: this.random.pick([0, 10, 15, 30]) };
  }

  private weekly(weekDays: number[], fromHour: number, toHour: number): Schedule {
    return { kind: "weekly", weekDays, minuteOfDay: this.random.int(fromHour, toHour) * 60 + this.random.pick([0, 30]) };
  }

  /** Adds a plan whose source is between `sizeGb[0]` and `sizeGb[1]` GB (log-uniform). */
  private add(kind: PlanKind, names: readonly string[], schedule: Schedule, sizeGb: readonly [number, number]): void {
    const r = this.random;
    const name = r.pick(names);
    const totalBytes = Math.round(logUniform(r, sizeGb[0] * GB, sizeGb[1] * GB));
    // Files plans count files; image, database and VM plans count volumes, databases or machines.
    const files =
      kind === "files"
        ? Math.max(10, Math.round(totalBytes / logUniform(r, 0.2 * MB, 3 * MB)))
        : kind === "image" || kind === "consistency"
          ? r.int(1, 4)
          : r.int(2, 14);
    const [minChange, maxChange] = DAILY_CHANGE[kind];
    // A few plans were set up in the last hours, so they may not have run yet (BackupStats "not run").
    const recent = kind !== "restore" && r.chance(0.03);
    const createdAt = recent
      ? this.ctx.anchor - r.int(1, 8) * HOUR
      : Math.min(this.computer.createdAt + r.int(0, 72) * HOUR, schedule.kind === "once" ? schedule.at - HOUR : Infinity);
    this.plans.push({
      id: r.uuid(),
      key: r.int(0, 2 ** 31),
      name,
      kind,
      schedule,
      createdAt,
      totalBytes,
      dailyGrowth: 0.0002 + r.next() * 0.0028,
      files,
      changeRate: minChange + r.next() * (maxChange - minChange),
      bytesPerSecond: logUniform(r, 1.5 * MB, 25 * MB),
      flaky: r.chance(this.troubled ? 0.5 : 0.06),
    });
  }
}

export function generateProvider(ctx: WorldContext, spec: ProviderSpec): ProviderData {
  return new ProviderGenerator(ctx, spec).build();
}
