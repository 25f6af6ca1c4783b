// Internal objects -> the JSON the API sends, key for key in the vendor's order and spelling.
import {
  MSP360_PLAN_STATUS,
  MSP360_STORAGE_ACCOUNT_TYPES,
  type Msp360Account,
  type Msp360Administrator,
  type Msp360BackupStats,
  type Msp360Company,
  type Msp360Computer,
  type Msp360ComputerApp,
  type Msp360ComputerPlan,
  type Msp360License,
  type Msp360Monitoring,
  type Msp360Package,
  type Msp360User,
  type Msp360UserDestination,
} from "../schemas";
import { BACKUP_BUILD_TYPE, REMOTE_ASSISTANT_BUILD_TYPE, REMOTE_ASSISTANT_VERSION, latestVersion } from "./builds";
import type { Administrator, Company, Computer, License, Plan, StorageAccount, StoragePackage, User, UserDestination } from "./model";
import { PLAN_KINDS } from "./plan-kinds";
import { WEEKDAY_NAMES, describeSchedule, type Schedule } from "./schedule";
import type { FleetSnapshot } from "./snapshot";
import { MINUTE, formatDate, formatDuration } from "./time";

const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : formatDate(ms));

export function packageView(pkg: StoragePackage): Msp360Package {
  return {
    ID: pkg.id,
    Cost: pkg.cost,
    Description: pkg.description,
    Enabled: pkg.enabled,
    Name: pkg.name,
    StorageLimit: pkg.storageLimitGb,
    isGlacierRestoreLimit: pkg.isGlacierRestoreLimit,
    RestoreLimit: pkg.restoreLimit,
    GlacierRestoreType: pkg.glacierRestoreType,
    UseRestoreLimit: pkg.useRestoreLimit,
  };
}

export function userDestinationView(view: FleetSnapshot, user: User, destination: UserDestination): Msp360UserDestination {
  const account = view.data.accounts.get(destination.accountId);
  const bucket = account?.destinations.find((d) => d.id === destination.accountDestinationId);
  return {
    ID: destination.id,
    CurrentVolume: view.destinationVolume(user.id, destination.id),
    PackageID: destination.packageId,
    AccountID: destination.accountId,
    AccountDisplayName: account?.displayName ?? null,
    Destination: bucket?.bucket ?? "",
    DestinationDisplayName: bucket?.displayName ?? null,
  };
}

export function userView(view: FleetSnapshot, user: User): Msp360User {
  return {
    ID: user.id,
    Email: user.email,
    FirstName: user.firstName,
    LastName: user.lastName,
    NotificationEmails: user.notificationEmails,
    Company: view.companyOfUser(user)?.name ?? "",
    Enabled: user.enabled,
    LicenseManagmentMode: user.licenseMode,
    DestinationList: user.destinations.map((d) => userDestinationView(view, user, d)),
    SpaceUsed: view.spaceUsed(user.id),
  };
}

export function companyView(company: Company): Msp360Company {
  return {
    Id: company.id,
    Name: company.name,
    StorageLimit: company.storageLimit,
    LicenseSettings: company.licenseSettings,
    Destinations: company.destinations.map((d) => ({ DestinationId: d.destinationId, PlanId: d.planId })),
    DefaultLicense: company.defaultLicense,
    AllowedLicenses: company.allowedLicenses,
  };
}

/** "Local" for a file-system account, "Cloud" otherwise, as Monitoring's StorageType. */
function storageTypeOf(view: FleetSnapshot, computer: Computer): string {
  const user = view.user(computer.userId);
  const destination = user?.destinations.find((d) => d.id === computer.userDestinationId);
  const account = destination ? view.data.accounts.get(destination.accountId) : undefined;
  return account && MSP360_STORAGE_ACCOUNT_TYPES[account.type] === "FS" ? "Local" : "Cloud";
}

export function monitoringView(view: FleetSnapshot, computer: Computer, plan: Plan, user: User): Msp360Monitoring {
  const state = view.planState(computer, plan);
  return {
    PlanName: plan.name,
    CompanyName: view.companyOfUser(user)?.name ?? null,
    UserName: user.email,
    UserID: user.id,
    ComputerName: computer.name,
    BuildVersion: computer.backupVersion,
    StorageType: storageTypeOf(view, computer),
    LastStart: date(state.lastStart),
    NextStart: date(state.nextStart),
    Status: state.status,
    ErrorMessage: state.errorMessage,
    FilesCopied: state.filesCopied,
    FilesFailed: state.filesFailed,
    DataCopied: state.dataCopied,
    Duration: state.lastStart === null ? null : formatDuration(state.durationMs),
    DataToBackup: state.dataToBackup,
    TotalData: state.totalData,
    FilesScanned: state.filesScanned,
    FilesToBackup: state.filesToBackup,
    PlanId: plan.id,
    PlanType: PLAN_KINDS[plan.kind].planType,
    DetailedReportLink:
      state.runKey === null ? null : `https://mspbackups.com/AP/PlanDetailedReport.aspx?planId=${plan.id}&session=${state.runKey}`,
  };
}

export function backupStats(view: FleetSnapshot, computer: Computer): Msp360BackupStats {
  const stats: Msp360BackupStats = {
    PlansCount: computer.plans.length,
    TotalOverdueCount: 0,
    TotalFailedCount: 0,
    TotalSuccessCount: 0,
    TotalWarningCount: 0,
    TotalNotRunCount: 0,
    TotalRunningCount: 0,
    TotalInterruptedCount: 0,
  };
  const S = MSP360_PLAN_STATUS;
  for (const plan of computer.plans) {
    switch (view.planState(computer, plan).status) {
      case S.Success:
        stats.TotalSuccessCount++;
        break;
      case S.Overdue:
        stats.TotalOverdueCount++;
        break;
      case S.Error:
      case S.UnexpectedlyClosed:
        stats.TotalFailedCount++;
        break;
      case S.Running:
        stats.TotalRunningCount++;
        break;
      case S.Interrupted:
        stats.TotalInterruptedCount++;
        break;
      case S.Warning:
        stats.TotalWarningCount++;
        break;
      default:
        stats.TotalNotRunCount++;
    }
  }
  return stats;
}

/** The agent's last heartbeat: within the last five minutes while online, frozen once it went offline. */
function lastActivity(view: FleetSnapshot, computer: Computer): number {
  if (!view.isOnline(computer)) return computer.offlineSince ?? view.now;
  return view.now - ((view.now + computer.key * 1000) % (5 * MINUTE));
}

function appsOf(view: FleetSnapshot, computer: Computer): Msp360ComputerApp[] {
  const online = view.isOnline(computer);
  const apps: Msp360ComputerApp[] = [
    {
      ApplicationId: "backup",
      Version: computer.backupVersion,
      VersionStatus: computer.backupVersion === latestVersion(computer.os) ? "Latest" : "Outdated",
      BuildTypeLong: BACKUP_BUILD_TYPE[computer.os],
      ApplicationState: "Enabled",
      Online: online,
      ErrorCode: null,
      ErrorMessage: null,
    },
  ];
  if (computer.hasRemoteAssistant) {
    apps.push({
      ApplicationId: "ra",
      Version: REMOTE_ASSISTANT_VERSION,
      VersionStatus: "Latest",
      BuildTypeLong: REMOTE_ASSISTANT_BUILD_TYPE,
      ApplicationState: "Enabled",
      Online: online,
      ErrorCode: null,
      ErrorMessage: null,
    });
  }
  return apps;
}

export function computerView(view: FleetSnapshot, computer: Computer): Msp360Computer {
  const user = view.user(computer.userId);
  const license = view.licenseOf(computer);
  const [major = 0, minor = 0, build = 0, revision = 0] = computer.backupVersion.split(".").map(Number);
  return {
    ComputerHID: computer.hid,
    OSTypeString: computer.os,
    BuildTypeString: BACKUP_BUILD_TYPE[computer.os],
    RemoteManagementAvailable: computer.hasRemoteAssistant,
    ComputerName: computer.name,
    ComputerDisplayName: computer.displayName,
    CompanyName: view.companyOfUser(user)?.name ?? "",
    UserEmail: user?.email ?? null,
    ProfileName: computer.profileName,
    UserID: user?.id ?? null,
    BackupBuildVersion: { _Major: major, _Minor: minor, _Build: build, _Revision: revision },
    License: {
      Granted: license !== undefined,
      IsTrial: license?.isTrial ?? false,
      DisplayExpiresDate: date(license?.expiresAt),
    },
    BackupStats: backupStats(view, computer),
    LastActivity: formatDate(lastActivity(view, computer)),
    InstanceType: 3,
    HasBackupApp: true,
    LostAuth: computer.lostAuth,
    LostAuthChangeDate: formatDate(computer.authChangedAt),
    Apps: appsOf(view, computer),
  };
}

function scheduleView(schedule: Schedule) {
  const at = (minuteOfDay: number) => ({ Hour: Math.floor(minuteOfDay / 60), Minute: minuteOfDay % 60 });
  const base = { Description: describeSchedule(schedule), Hour: null, Minute: null, RepeatEveryHours: null, WeekDays: null, RunAt: null };
  switch (schedule.kind) {
    case "daily":
      return { ...base, Type: "Daily", ...at(schedule.minuteOfDay) };
    case "hourly":
      return { ...base, Type: "Hourly", Minute: schedule.minute, RepeatEveryHours: schedule.everyHours };
    case "weekly":
      return { ...base, Type: "Weekly", ...at(schedule.minuteOfDay), WeekDays: schedule.weekDays.map((d) => WEEKDAY_NAMES[d] ?? "") };
    case "once":
      return { ...base, Type: "Once", RunAt: formatDate(schedule.at) };
  }
}

export function computerPlanView(view: FleetSnapshot, computer: Computer, plan: Plan): Msp360ComputerPlan {
  const state = view.planState(computer, plan);
  const kind = PLAN_KINDS[plan.kind];
  return {
    PlanType: kind.planType,
    PlanXsiType: kind.xsiType,
    Plan: {
      ID: plan.id,
      Name: plan.name,
      Enabled: true,
      DestinationId: computer.userDestinationId,
      StorageType: storageTypeOf(view, computer),
      DateCreated: formatDate(plan.createdAt),
      Schedule: scheduleView(plan.schedule),
      LastStart: date(state.lastStart),
      NextStart: date(state.nextStart),
      Status: state.status,
    },
  };
}

export function licenseView(view: FleetSnapshot, license: License): Msp360License {
  const computer = license.computerHid ? view.data.computersByHid.get(license.computerHid) : undefined;
  const user = view.user(license.userId);
  return {
    ID: license.id,
    Number: license.number,
    ComputerName: computer?.name ?? null,
    OperatingSystem: computer?.osName ?? null,
    IsTrial: license.isTrial,
    IsTaken: license.userId !== null || license.computerHid !== null,
    LicenseType: license.type,
    DateExpired: formatDate(license.expiresAt),
    Transaction: license.transaction,
    User: user?.email ?? null,
    UserID: user?.id ?? null,
  };
}

export function accountView(account: StorageAccount, withReseller: boolean): Msp360Account {
  return {
    ...(withReseller ? { ResellerAccountID: account.resellerAccountId } : {}),
    AccountID: account.id,
    DateCreated: formatDate(account.createdAt),
    DisplayName: account.displayName,
    StorageType: MSP360_STORAGE_ACCOUNT_TYPES[account.type] ?? "AmazonS3",
    Destinations: account.destinations.map((d) => ({
      DestinationID: d.id,
      AccountID: account.id,
      Destination: d.bucket,
      DestinationDisplayName: d.displayName,
    })),
  };
}

export function administratorView(admin: Administrator): Msp360Administrator {
  return {
    AdminID: admin.id,
    Email: admin.email,
    FirstName: admin.firstName,
    LastName: admin.lastName,
    Enabled: admin.enabled,
    PermissionsModels: admin.permissions,
    LastLogin: date(admin.lastLogin),
    DateCreated: formatDate(admin.createdAt),
    Companies: admin.companies,
    AccessToCompaniesMode: admin.accessToCompaniesMode,
    AccountType: admin.accountType,
  };
}
