// Contract test, method by method: every method of the official MSP360 list (seed 001) is called over real
// HTTP, answers the documented status, parses with lib/vendors/msp360/schemas.ts, matches the documented key
// set where the research has an example, and (for writes) changes what a later GET returns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as S from "../schemas";
import { MSP360_ROUTES } from "./routes";
import { startMsp360, type ApiAnswer, type StartedSimulator } from "./testing";

// ------------------------------------------------------------------ documented key sets (research examples)

const LOGIN_KEYS = ["access_token", "token_type", "expires_in", "userName", ".issued", ".expires"];
const PACKAGE_KEYS = ["ID", "Cost", "Description", "Enabled", "Name", "StorageLimit", "isGlacierRestoreLimit", "RestoreLimit", "GlacierRestoreType", "UseRestoreLimit"];
const USER_KEYS = ["ID", "Email", "FirstName", "LastName", "NotificationEmails", "Company", "Enabled", "LicenseManagmentMode", "DestinationList", "SpaceUsed"];
const USER_DESTINATION_KEYS = ["ID", "CurrentVolume", "PackageID", "AccountID", "AccountDisplayName", "Destination", "DestinationDisplayName"];
const USER_COMPUTER_KEYS = ["DestinationId", "ComputerName"];
const MONITORING_KEYS = [
  "PlanName", "CompanyName", "UserName", "UserID", "ComputerName", "BuildVersion", "StorageType", "LastStart", "NextStart",
  "Status", "ErrorMessage", "FilesCopied", "FilesFailed", "DataCopied", "Duration", "DataToBackup", "TotalData",
  "FilesScanned", "FilesToBackup", "PlanId", "PlanType", "DetailedReportLink",
];
const COMPANY_KEYS = ["Id", "Name", "StorageLimit", "LicenseSettings", "Destinations", "DefaultLicense", "AllowedLicenses"];
const COMPUTERS_PAGE_KEYS = ["Count", "Message", "StatusCode", "Computers"];
const COMPUTER_KEYS = [
  "ComputerHID", "OSTypeString", "BuildTypeString", "RemoteManagementAvailable", "ComputerName", "ComputerDisplayName",
  "CompanyName", "UserEmail", "ProfileName", "UserID", "BackupBuildVersion", "License", "BackupStats", "LastActivity",
  "InstanceType", "HasBackupApp", "LostAuth", "LostAuthChangeDate", "Apps",
];
const BACKUP_STATS_KEYS = ["PlansCount", "TotalOverdueCount", "TotalFailedCount", "TotalSuccessCount", "TotalWarningCount", "TotalNotRunCount", "TotalRunningCount", "TotalInterruptedCount"];
const APP_KEYS = ["ApplicationId", "Version", "VersionStatus", "BuildTypeLong", "ApplicationState", "Online", "ErrorCode", "ErrorMessage"];
const RESULT_KEYS = ["ResultCode", "ErrorMessage"];
const LICENSE_KEYS = ["ID", "Number", "ComputerName", "OperatingSystem", "IsTrial", "IsTaken", "LicenseType", "DateExpired", "Transaction", "User", "UserID"];
const ACCOUNT_KEYS = ["AccountID", "DateCreated", "DisplayName", "StorageType", "Destinations"];
const ACCOUNT_DESTINATION_KEYS = ["DestinationID", "AccountID", "Destination", "DestinationDisplayName"];
const BILLING_KEYS = ["CurrentSpaceUsed", "AverageSpaceUsed", "TotalRestore", "StatisticBilling"];
const BILLING_STATISTIC_KEYS = ["UserId", "Email", "FirstName", "LastName", "CompanyName", "AverageSpace", "TotalVolumeRestore", "PlanCost", "StorageCost", "RestoreCost", "TotalCost", "LicensesUsed"];
const BILLING_DETAILS_KEYS = ["TotalBackupBytes", "TotalRestoreBytes", "UserID", "UserDetailList"];
const BILLING_DETAIL_KEYS = ["Computer", "SizeBackup", "SizeRestore", "Prefix", "AccountID", "Destination"];
const BUILD_KEYS = ["Type", "Version", "DownloadLink"];
const AVAILABLE_VERSION_KEYS = ["Type", "Version"];
const ADMIN_KEYS = ["AdminID", "Email", "FirstName", "LastName", "Enabled", "PermissionsModels", "LastLogin", "DateCreated", "Companies", "AccessToCompaniesMode", "AccountType"];

// ------------------------------------------------------------------ fixtures

let sim: StartedSimulator;
let serial = 0;
const unique = (prefix: string) => `${prefix}-${++serial}`;
const api = (method: string, path: string, body?: unknown) => sim.client.call(method, path, { body });

async function read<T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> {
  const answer = await api("GET", path);
  expect(answer.status, `GET ${path}: ${answer.text}`).toBe(200);
  return schema.parse(answer.body);
}

interface Fixtures {
  /** An online, authorized computer and its user (which has destinations). */
  computer: S.Msp360Computer;
  user: S.Msp360User;
  /** More online computers, for the authorization writes. */
  spareComputers: S.Msp360Computer[];
  /** Users with computers, each used by at most one destructive row. */
  usersWithComputers: S.Msp360User[];
  company: S.Msp360Company;
  account: S.Msp360Account;
  pkg: S.Msp360Package;
  admin: S.Msp360Administrator;
}
let fx: Fixtures;

async function loadFixtures(): Promise<Fixtures> {
  const page = await read("api/Computers/0/1000", S.msp360ComputersPageSchema);
  const online = page.Computers.filter((c) => c.Apps[0]?.Online && !c.LostAuth && c.UserID);
  const users = await read("api/Users", z.array(S.msp360UserSchema));
  const [computer, ...others] = online;
  if (!computer) throw new Error("no online computer");
  const user = users.find((u) => u.ID === computer.UserID);
  if (!user) throw new Error("no user for the online computer");
  const spareComputers = others.slice(0, 2);
  // Destructive rows take users from this list, so it leaves out the owners of the computers used above.
  const reserved = new Set([computer, ...spareComputers].map((c) => c.UserID));
  const owners = new Set(page.Computers.map((c) => c.UserID));
  const usersWithComputers = users.filter((u) => owners.has(u.ID) && !reserved.has(u.ID));
  const [company] = await read("api/Companies", z.array(S.msp360CompanySchema));
  const [account] = await read("api/Accounts", z.array(S.msp360AccountSchema));
  const pkg = (await read("api/Packages", z.array(S.msp360PackageSchema))).find((p) => p.Enabled);
  const [admin] = await read("api/Administrators", z.array(S.msp360AdministratorSchema));
  if (!company || !account || !pkg || !admin) throw new Error("fixture missing");
  return { computer, user, spareComputers, usersWithComputers, company, account, pkg, admin };
}

function takeUserWithComputers(): S.Msp360User {
  const user = fx.usersWithComputers.shift();
  if (!user) throw new Error("out of users with computers");
  return user;
}

function bucket(index: number): string {
  const destination = fx.account.Destinations?.[index];
  if (!destination) throw new Error(`account has no destination #${index}`);
  return destination.Destination;
}

async function createUser(withDestination = false): Promise<{ id: string; email: string; password: string }> {
  const email = `${unique("contract")}@example.test`;
  const password = "Secret-123";
  const answer = await api("POST", "api/Users", {
    Email: email,
    Password: password,
    Enabled: true,
    DestinationList: withDestination ? [{ AccountID: fx.account.AccountID, Destination: bucket(0), PackageID: fx.pkg.ID }] : [],
  });
  return { id: S.msp360GuidSchema.parse(answer.body), email, password };
}

const createPackage = async () =>
  S.msp360NewPackageIdSchema.parse((await api("POST", "api/Packages", { Name: unique("Package"), Cost: 9.5, StorageLimit: 250 })).body);
const createCompany = async () =>
  S.msp360GuidSchema.parse((await api("POST", "api/Companies", { Name: unique("Company"), StorageLimit: -1, LicenseSettings: 0 })).body);
const createAdmin = async () =>
  S.msp360GuidSchema.parse((await api("POST", "api/Administrators", { Email: `${unique("admin")}@msp.test`, InitialPassword: "Initial-123" })).body);

async function createAccount(): Promise<S.Msp360Account> {
  const name = unique("Account");
  await api("POST", "api/Accounts", { DisplayName: name, Type: 23, AccountSettings: { AccessKey: "AK", SecretKey: "SK" } });
  const account = (await read("api/Accounts", z.array(S.msp360AccountSchema))).find((a) => a.DisplayName === name);
  if (!account) throw new Error("account not created");
  return account;
}

async function accountDestinations(accountId: string) {
  return (await read(`api/Accounts/${accountId}`, S.msp360AccountSchema)).Destinations ?? [];
}

// ------------------------------------------------------------------ the method table

/** A body that must be empty: `return Ok();`. */
const EMPTY = "empty" as const;

interface ContractRow {
  /** The method as the seed list writes it. */
  seed: string;
  /** The simulator route serving it (method + template, as in MSP360_ROUTES). */
  route: string;
  call: () => Promise<ApiAnswer>;
  status: number;
  schema: z.ZodType | typeof EMPTY;
  /** Documented key sets: "" = the body (or its first item), "a.0.b" = a nested object. */
  keys?: Record<string, readonly string[]>;
  /** For writes: checks that a later GET shows the change. */
  effect?: (answer: ApiAnswer) => Promise<void>;
}

const list = <T extends z.ZodType>(schema: T) => z.array(schema).min(1);

const CONTRACT: ContractRow[] = [
  // Provider
  {
    seed: "POST API/Provider/Login",
    route: "POST api/Provider/Login",
    call: () => sim.client.call("POST", "api/Provider/Login", { body: { UserName: "demo", Password: "demo-password" }, token: null }),
    status: 200,
    schema: S.msp360LoginResponseSchema,
    keys: { "": LOGIN_KEYS },
  },
  // Packages
  { seed: "GET API/Packages", route: "GET api/Packages", call: () => api("GET", "api/Packages"), status: 200, schema: list(S.msp360PackageSchema), keys: { "": PACKAGE_KEYS } },
  { seed: "GET API/Packages {ID}", route: "GET api/Packages/{id:int}", call: () => api("GET", `api/Packages/${fx.pkg.ID}`), status: 200, schema: S.msp360PackageSchema, keys: { "": PACKAGE_KEYS } },
  {
    seed: "POST API/Packages",
    route: "POST api/Packages",
    call: () => api("POST", "api/Packages", { Name: "Contract 250 GB", Description: "made by a test", Cost: 12.5, StorageLimit: 250, UseRestoreLimit: false }),
    status: 200,
    schema: S.msp360NewPackageIdSchema,
    effect: async (answer) => {
      const pkg = await read(`api/Packages/${S.msp360NewPackageIdSchema.parse(answer.body)}`, S.msp360PackageSchema);
      expect(pkg).toMatchObject({ Name: "Contract 250 GB", Cost: 12.5, StorageLimit: 250, Enabled: true });
    },
  },
  {
    seed: "PUT API/Packages",
    route: "PUT api/Packages",
    call: async () => api("PUT", "api/Packages", { ID: await createPackage(), Name: "Renamed package", Cost: 20, StorageLimit: 300, Enabled: false }),
    status: 200,
    schema: EMPTY,
    effect: async () => {
      const all = await read("api/Packages", z.array(S.msp360PackageSchema));
      expect(all.find((p) => p.Name === "Renamed package")).toMatchObject({ Cost: 20, StorageLimit: 300, Enabled: false });
    },
  },
  {
    seed: "DELETE API/Packages/{ID}",
    route: "DELETE api/Packages/{id:int}",
    call: async () => {
      const id = await createPackage();
      const answer = await api("DELETE", `api/Packages/${id}`);
      expect(await read(`api/Packages/${id}`, z.null())).toBeNull();
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  // Users
  {
    seed: "GET API/Users",
    route: "GET api/Users",
    call: () => api("GET", "api/Users"),
    status: 200,
    schema: list(S.msp360UserSchema),
    keys: { "": USER_KEYS, "DestinationList.0": USER_DESTINATION_KEYS },
  },
  { seed: "GET API/Users/{ID}", route: "GET api/Users/{id}", call: () => api("GET", `api/Users/${fx.user.ID}`), status: 200, schema: S.msp360UserSchema, keys: { "": USER_KEYS } },
  {
    seed: "PUT API/Users/Authenticate",
    route: "PUT api/Users/Authenticate",
    call: async () => {
      const user = await createUser();
      const answer = await api("PUT", "api/Users/Authenticate", { Email: user.email, Password: user.password });
      expect((answer.body as S.Msp360User).ID).toBe(user.id);
      return answer;
    },
    status: 200,
    schema: S.msp360UserSchema,
    keys: { "": USER_KEYS },
  },
  {
    seed: "PUT API/Users",
    route: "PUT api/Users",
    call: async () => {
      const user = await createUser();
      const answer = await api("PUT", "api/Users", { ID: user.id, Enabled: false, FirstName: "Changed", LicenseManagementMode: 1 });
      expect(await read(`api/Users/${user.id}`, S.msp360UserSchema)).toMatchObject({ FirstName: "Changed", Enabled: false, LicenseManagmentMode: 1 });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "POST API/Users",
    route: "POST api/Users",
    call: () =>
      api("POST", "api/Users", {
        Email: "new.user@example.test",
        Password: "Passw0rd!",
        Enabled: true,
        FirstName: "New",
        LastName: "User",
        Company: fx.company.Name,
        DestinationList: [{ AccountID: fx.account.AccountID, Destination: bucket(0), PackageID: fx.pkg.ID }],
      }),
    status: 200,
    schema: S.msp360GuidSchema,
    effect: async (answer) => {
      const user = await read(`api/Users/${S.msp360GuidSchema.parse(answer.body)}`, S.msp360UserSchema);
      expect(user).toMatchObject({ Email: "new.user@example.test", Company: fx.company.Name, FirstName: "New" });
      expect(user.DestinationList?.[0]).toMatchObject({ AccountID: fx.account.AccountID, Destination: bucket(0), PackageID: fx.pkg.ID });
    },
  },
  {
    seed: "DELETE API/Users/{id}/Account",
    route: "DELETE api/Users/{id}/Account",
    call: async () => {
      const user = takeUserWithComputers();
      const computers = await read(`api/Computers/0/100000`, S.msp360ComputersPageSchema);
      const owned = computers.Computers.filter((c) => c.UserID === user.ID);
      const answer = await api("DELETE", `api/Users/${user.ID}/Account`);
      expect(await read(`api/Users/${user.ID}`, z.null())).toBeNull();
      // The data stays: its computers remain, now unauthorized.
      for (const computer of owned) {
        expect(await read(`api/Computers/${computer.ComputerHID}`, S.msp360ComputerSchema)).toMatchObject({ LostAuth: true, UserID: null });
      }
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "DELETE API/Users/{id}",
    route: "DELETE api/Users/{id}",
    call: async () => {
      const user = takeUserWithComputers();
      const before = await read(`api/Computers/0/100000`, S.msp360ComputersPageSchema);
      const owned = before.Computers.filter((c) => c.UserID === user.ID);
      const answer = await api("DELETE", `api/Users/${user.ID}`);
      expect(await read(`api/Users/${user.ID}`, z.null())).toBeNull();
      const after = await read(`api/Computers/0/100000`, S.msp360ComputersPageSchema);
      expect(after.Count).toBe(before.Count - owned.length);
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "GET API/Users/{UserID}/Computers",
    route: "GET api/Users/{id}/Computers",
    call: () => api("GET", `api/Users/${fx.user.ID}/Computers`),
    status: 200,
    schema: list(S.msp360UserComputerSchema),
    keys: { "": USER_COMPUTER_KEYS },
  },
  {
    seed: "DELETE API/Users/{userId}/Computers",
    route: "DELETE api/Users/{id}/Computers",
    call: async () => {
      const user = takeUserWithComputers();
      const before = await read(`api/Users/${user.ID}/Computers`, z.array(S.msp360UserComputerSchema));
      const answer = await sim.client.call("DELETE", `api/Users/${user.ID}/Computers`, { body: before.slice(0, 1) });
      const after = await read(`api/Users/${user.ID}/Computers`, z.array(S.msp360UserComputerSchema));
      expect(after).toHaveLength(before.length - 1);
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  // Monitoring
  { seed: "GET API/Monitoring", route: "GET api/Monitoring", call: () => api("GET", "api/Monitoring"), status: 200, schema: list(S.msp360MonitoringSchema), keys: { "": MONITORING_KEYS } },
  {
    seed: "GET API/Monitoring/{UserID}",
    route: "GET api/Monitoring/{userId}",
    call: () => api("GET", `api/Monitoring/${fx.user.ID}`),
    status: 200,
    schema: list(S.msp360MonitoringSchema.extend({ UserID: z.string().refine((id) => id === fx.user.ID) })),
    keys: { "": MONITORING_KEYS },
  },
  // Companies
  { seed: "GET API/Companies", route: "GET api/Companies", call: () => api("GET", "api/Companies"), status: 200, schema: list(S.msp360CompanySchema), keys: { "": COMPANY_KEYS } },
  { seed: "GET API/Companies/{ID}", route: "GET api/Companies/{id}", call: () => api("GET", `api/Companies/${fx.company.Id}`), status: 200, schema: S.msp360CompanySchema, keys: { "": COMPANY_KEYS } },
  {
    seed: "DELETE API/Companies/{ID}",
    route: "DELETE api/Companies/{id}",
    call: async () => {
      const id = await createCompany();
      const answer = await api("DELETE", `api/Companies/${id}`);
      expect(await read(`api/Companies/${id}`, z.null())).toBeNull();
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "POST API/Companies",
    route: "POST api/Companies",
    call: () => api("POST", "api/Companies", { Name: "Contract Co", StorageLimit: 107374182400, LicenseSettings: 2 }),
    status: 200,
    schema: S.msp360GuidSchema,
    effect: async (answer) => {
      const company = await read(`api/Companies/${S.msp360GuidSchema.parse(answer.body)}`, S.msp360CompanySchema);
      expect(company).toMatchObject({ Name: "Contract Co", StorageLimit: 107374182400, LicenseSettings: 2 });
    },
  },
  {
    seed: "PUT API/Companies",
    route: "PUT api/Companies",
    call: async () => {
      const id = await createCompany();
      const answer = await api("PUT", "api/Companies", { Id: id, Name: "Renamed Co", StorageLimit: 5, LicenseSettings: 1 });
      expect(await read(`api/Companies/${id}`, S.msp360CompanySchema)).toMatchObject({ Name: "Renamed Co", StorageLimit: 5, LicenseSettings: 1 });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  // Computers
  {
    seed: "GET API/Computers/{offset}/{count}",
    route: "GET api/Computers/{offset:int}/{count:int}",
    call: () => api("GET", "api/Computers/0/10"),
    status: 200,
    schema: S.msp360ComputersPageSchema.extend({ Computers: z.array(S.msp360ComputerSchema).length(10) }),
    keys: { "": COMPUTERS_PAGE_KEYS, "Computers.0": COMPUTER_KEYS, "Computers.0.BackupStats": BACKUP_STATS_KEYS, "Computers.0.Apps.0": APP_KEYS },
  },
  {
    seed: "GET API/Computers/{hid}",
    route: "GET api/Computers/{hid}",
    call: () => api("GET", `api/Computers/${fx.computer.ComputerHID}`),
    status: 200,
    schema: S.msp360ComputerSchema,
    keys: { "": COMPUTER_KEYS },
  },
  { seed: "GET API/Computers/{hid}/Disks", route: "GET api/Computers/{hid}/Disks", call: () => api("GET", `api/Computers/${fx.computer.ComputerHID}/Disks`), status: 200, schema: list(S.msp360DiskSchema) },
  { seed: "GET API/Computers/{hid}/Plans", route: "GET api/Computers/{hid}/Plans", call: () => api("GET", `api/Computers/${fx.computer.ComputerHID}/Plans`), status: 200, schema: list(S.msp360ComputerPlanSchema) },
  {
    seed: "POST API/Computers/{hid}/authorization",
    route: "POST api/Computers/{hid}/authorization",
    call: async () => {
      const computer = fx.spareComputers[0];
      if (!computer) throw new Error("no spare computer");
      const user = await createUser(true);
      const answer = await api("POST", `api/Computers/${computer.ComputerHID}/authorization`, { UserId: user.id });
      expect(await read(`api/Computers/${computer.ComputerHID}`, S.msp360ComputerSchema)).toMatchObject({ UserID: user.id, UserEmail: user.email, LostAuth: false });
      return answer;
    },
    status: 200,
    schema: S.msp360ResultSchema,
    keys: { "": RESULT_KEYS },
  },
  {
    seed: "DELETE API/Computers/{hid}/authorization",
    route: "DELETE api/Computers/{hid}/authorization",
    call: async () => {
      const computer = fx.spareComputers[1];
      if (!computer) throw new Error("no spare computer");
      const answer = await api("DELETE", `api/Computers/${computer.ComputerHID}/authorization`);
      expect(await read(`api/Computers/${computer.ComputerHID}`, S.msp360ComputerSchema)).toMatchObject({ LostAuth: true });
      return answer;
    },
    status: 200,
    schema: S.msp360ResultSchema,
    keys: { "": RESULT_KEYS },
  },
  // Licenses
  {
    seed: "GET API/Licenses?isAvailable={isAvailable}",
    route: "GET api/Licenses",
    call: () => api("GET", "api/Licenses?isAvailable=true"),
    status: 200,
    schema: list(S.msp360LicenseSchema.extend({ IsTaken: z.literal(false) })),
    keys: { "": LICENSE_KEYS },
  },
  {
    seed: "GET API/Licenses/{ID}",
    route: "GET api/Licenses/{id}",
    call: async () => {
      const [license] = await read("api/Licenses?isAvailable=false", list(S.msp360LicenseSchema));
      return api("GET", `api/Licenses/${license?.ID}`);
    },
    status: 200,
    schema: S.msp360LicenseSchema,
    keys: { "": LICENSE_KEYS },
  },
  {
    seed: "POST API/Licenses/Grant",
    route: "POST api/Licenses/Grant",
    call: async () => {
      const [license] = await read("api/Licenses?isAvailable=true", list(S.msp360LicenseSchema));
      const user = await createUser();
      const answer = await api("POST", "api/Licenses/Grant", { LicenseID: license?.ID, UserID: user.id });
      expect(await read(`api/Licenses/${license?.ID}`, S.msp360LicenseSchema)).toMatchObject({ UserID: user.id, User: user.email, IsTaken: true });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "POST API/Licenses/Release",
    route: "POST api/Licenses/Release",
    call: async () => {
      const [license] = await read("api/Licenses?isAvailable=true", list(S.msp360LicenseSchema));
      const user = await createUser();
      await api("POST", "api/Licenses/Grant", { LicenseID: license?.ID, UserID: user.id });
      const answer = await api("POST", "api/Licenses/Release", { LicenseID: license?.ID, UserID: user.id });
      expect(await read(`api/Licenses/${license?.ID}`, S.msp360LicenseSchema)).toMatchObject({ UserID: null, IsTaken: false });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "POST API/Licenses/Revoke",
    route: "POST api/Licenses/Revoke",
    call: async () => {
      const taken = await read("api/Licenses?isAvailable=false", list(S.msp360LicenseSchema));
      const license = taken.find((l) => l.ComputerName && l.UserID);
      const answer = await api("POST", "api/Licenses/Revoke", { LicenseID: license?.ID, UserID: license?.UserID });
      expect(await read(`api/Licenses/${license?.ID}`, S.msp360LicenseSchema)).toMatchObject({ ComputerName: null, UserID: license?.UserID });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  // Destinations
  {
    seed: "POST API/Destinations",
    route: "POST api/Destinations",
    call: async () => {
      const user = await createUser();
      const answer = await api("POST", "api/Destinations", { UserID: user.id, AccountID: fx.account.AccountID, Destination: bucket(1), PackageID: fx.pkg.ID });
      const destinations = await read(`api/Destinations/${user.email}`, z.array(S.msp360UserDestinationSchema));
      expect(destinations.map((d) => d.Destination)).toEqual([bucket(1)]);
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "PUT API/Destinations",
    route: "PUT api/Destinations",
    call: async () => {
      const user = await createUser(true);
      const [current] = await read(`api/Destinations/${user.email}`, list(S.msp360UserDestinationSchema));
      const answer = await api("PUT", "api/Destinations", { ID: current?.ID, UserID: user.id, AccountID: fx.account.AccountID, Destination: bucket(1), PackageID: fx.pkg.ID });
      const [changed] = await read(`api/Destinations/${user.email}`, list(S.msp360UserDestinationSchema));
      expect(changed).toMatchObject({ ID: current?.ID, Destination: bucket(1) });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "DELETE API/Destinations/{ID}?UserID={UserID}",
    route: "DELETE api/Destinations/{id}",
    call: async () => {
      const user = await createUser(true);
      const [current] = await read(`api/Destinations/${user.email}`, list(S.msp360UserDestinationSchema));
      const answer = await api("DELETE", `api/Destinations/${current?.ID}?UserID=${user.id}`);
      expect(await read(`api/Destinations/${user.email}`, z.array(S.msp360UserDestinationSchema))).toEqual([]);
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "GET API/Destinations/{UserEmail}",
    route: "GET api/Destinations/{email}",
    call: () => api("GET", `api/Destinations/${encodeURIComponent(fx.user.Email)}`),
    status: 200,
    schema: list(S.msp360UserDestinationSchema),
    keys: { "": USER_DESTINATION_KEYS },
  },
  // Accounts
  {
    seed: "GET API/Accounts",
    route: "GET api/Accounts",
    call: () => api("GET", "api/Accounts"),
    status: 200,
    schema: list(S.msp360AccountSchema),
    keys: { "": ["ResellerAccountID", ...ACCOUNT_KEYS], "Destinations.0": ACCOUNT_DESTINATION_KEYS },
  },
  { seed: "GET API/Accounts/{ID}", route: "GET api/Accounts/{id}", call: () => api("GET", `api/Accounts/${fx.account.AccountID}`), status: 200, schema: S.msp360AccountSchema, keys: { "": ACCOUNT_KEYS } },
  {
    seed: "POST API/Accounts",
    route: "POST api/Accounts",
    call: () => api("POST", "api/Accounts", { DisplayName: "Contract S3", Type: 0, AccountSettings: { AccessKey: "AK", SecretKey: "SK", IsGovCloud: false } }),
    status: 200,
    schema: EMPTY,
    effect: async () => {
      const accounts = await read("api/Accounts", z.array(S.msp360AccountSchema));
      expect(accounts.find((a) => a.DisplayName === "Contract S3")).toMatchObject({ StorageType: "AmazonS3", Destinations: [] });
    },
  },
  {
    seed: "PUT API/Accounts",
    route: "PUT api/Accounts",
    call: async () => {
      const account = await createAccount();
      const answer = await api("PUT", "api/Accounts", { AccountID: account.AccountID, DisplayName: "Renamed account", Type: 9 });
      expect(await read(`api/Accounts/${account.AccountID}`, S.msp360AccountSchema)).toMatchObject({ DisplayName: "Renamed account", StorageType: "BackblazeB2" });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "POST API/Accounts/AddDestination",
    route: "POST api/Accounts/AddDestination",
    call: async () => {
      const answer = await api("POST", "api/Accounts/AddDestination", { AccountID: fx.account.AccountID, Destination: "existing-bucket", DestinationDisplayName: "Existing" });
      expect((await accountDestinations(fx.account.AccountID)).find((d) => d.Destination === "existing-bucket")).toMatchObject({ DestinationDisplayName: "Existing" });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "POST api/Accounts/CreateDestination",
    route: "POST api/Accounts/CreateDestination",
    call: async () => {
      const answer = await api("POST", "api/Accounts/CreateDestination", { AccountID: fx.account.AccountID, Destination: "created-bucket" });
      expect((await accountDestinations(fx.account.AccountID)).map((d) => d.Destination)).toContain("created-bucket");
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "PUT API/Accounts/EditDestination",
    route: "PUT api/Accounts/EditDestination",
    call: async () => {
      const account = await createAccount();
      await api("POST", "api/Accounts/AddDestination", { AccountID: account.AccountID, Destination: "edit-me" });
      const [destination] = await accountDestinations(account.AccountID);
      const answer = await api("PUT", "api/Accounts/EditDestination", { DestinationID: destination?.DestinationID, AccountID: account.AccountID, Destination: "edit-me", DestinationDisplayName: "Edited" });
      expect(await accountDestinations(account.AccountID)).toMatchObject([{ Destination: "edit-me", DestinationDisplayName: "Edited" }]);
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "PUT API/Accounts/RemoveDestination",
    route: "PUT api/Accounts/RemoveDestination",
    call: async () => {
      const account = await createAccount();
      await api("POST", "api/Accounts/AddDestination", { AccountID: account.AccountID, Destination: "remove-me" });
      const [destination] = await accountDestinations(account.AccountID);
      const answer = await api("PUT", "api/Accounts/RemoveDestination", { DestinationID: destination?.DestinationID, AccountID: account.AccountID, Destination: "remove-me" });
      expect(await accountDestinations(account.AccountID)).toEqual([]);
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  // Billing
  {
    seed: "GET API/Billing",
    route: "GET api/Billing",
    call: () => api("GET", "api/Billing"),
    status: 200,
    schema: S.msp360BillingSchema,
    keys: { "": BILLING_KEYS, "StatisticBilling.0": BILLING_STATISTIC_KEYS },
  },
  {
    seed: "PUT API/Billing",
    route: "PUT api/Billing",
    call: () => api("PUT", "api/Billing", { CompanyName: fx.company.Name, Date: new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 19) }),
    status: 200,
    schema: S.msp360BillingSchema.extend({ StatisticBilling: list(S.msp360BillingStatisticSchema.extend({ CompanyName: z.string() })) }),
    keys: { "": BILLING_KEYS, "StatisticBilling.0": BILLING_STATISTIC_KEYS },
  },
  {
    seed: "PUT API/Billing/Details",
    route: "PUT api/Billing/Details",
    call: () => api("PUT", "api/Billing/Details", { UserID: fx.user.ID }),
    status: 200,
    schema: S.msp360BillingDetailsSchema.extend({ UserDetailList: list(S.msp360BillingUserDetailSchema) }),
    keys: { "": BILLING_DETAILS_KEYS, "UserDetailList.0": BILLING_DETAIL_KEYS },
  },
  // Builds
  { seed: "GET API/Builds", route: "GET api/Builds", call: () => api("GET", "api/Builds"), status: 200, schema: list(S.msp360BuildSchema), keys: { "": BUILD_KEYS } },
  {
    seed: "POST API/Builds/RequestCustomBuilds",
    route: "POST api/Builds/RequestCustomBuilds",
    call: () => api("POST", "api/Builds/RequestCustomBuilds", { Editions: [0, 2], Type: 0 }),
    status: 200,
    schema: EMPTY,
    effect: async () => {
      const state = (await sim.client.call("GET", "_sim/state", { token: null })).body as { world: { providers: { customBuildRequests: number }[] } };
      expect(state.world.providers[0]?.customBuildRequests).toBe(1);
    },
  },
  {
    seed: "GET API/Builds/AvailableVersions",
    route: "GET api/Builds/AvailableVersions",
    call: () => api("GET", "api/Builds/AvailableVersions"),
    status: 200,
    schema: list(S.msp360AvailableVersionSchema),
    keys: { "": AVAILABLE_VERSION_KEYS },
  },
  // Administrators
  { seed: "GET API/Administrators", route: "GET api/Administrators", call: () => api("GET", "api/Administrators"), status: 200, schema: list(S.msp360AdministratorSchema), keys: { "": ADMIN_KEYS } },
  { seed: "GET API/Administrators/{ID}", route: "GET api/Administrators/{id}", call: () => api("GET", `api/Administrators/${fx.admin.AdminID}`), status: 200, schema: S.msp360AdministratorSchema, keys: { "": ADMIN_KEYS } },
  {
    seed: "POST API/Administrators",
    route: "POST api/Administrators",
    call: () =>
      api("POST", "api/Administrators", {
        Email: "new.admin@msp.test",
        InitialPassword: "Initial-123",
        SendInstruction: false,
        FirstName: "New",
        LastName: "Admin",
        Enabled: true,
        PermissionsModels: { Users: 1, Monitiring: 1, Billing: 0 },
        Companies: [fx.company.Name],
        AccessToCompaniesMode: 0,
      }),
    status: 200,
    schema: S.msp360GuidSchema,
    effect: async (answer) => {
      const admin = await read(`api/Administrators/${S.msp360GuidSchema.parse(answer.body)}`, S.msp360AdministratorSchema);
      expect(admin).toMatchObject({ Email: "new.admin@msp.test", Companies: [fx.company.Name], AccessToCompaniesMode: 0 });
      expect(admin.PermissionsModels).toMatchObject({ Users: 1, Monitiring: 1, Billing: 0, Administrators: 0 });
    },
  },
  {
    seed: "PUT API/Administrators",
    route: "PUT api/Administrators",
    call: async () => {
      const id = await createAdmin();
      const answer = await api("PUT", "api/Administrators", { AdminID: id, FirstName: "Changed", Enabled: false, PermissionsModels: { Billing: 1 } });
      const admin = await read(`api/Administrators/${id}`, S.msp360AdministratorSchema);
      expect(admin).toMatchObject({ FirstName: "Changed", Enabled: false, PermissionsModels: { Billing: 1 } });
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
  {
    seed: "DELETE API/Administrators/{ID}",
    route: "DELETE api/Administrators/{id}",
    call: async () => {
      const id = await createAdmin();
      const answer = await api("DELETE", `api/Administrators/${id}`);
      expect(await read(`api/Administrators/${id}`, z.null())).toBeNull();
      return answer;
    },
    status: 200,
    schema: EMPTY,
  },
];

// ------------------------------------------------------------------ running the table

function keysAt(body: unknown, path: string): string[] {
  let node: unknown = Array.isArray(body) ? body[0] : body;
  for (const part of path ? path.split(".") : []) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "object" || node === null) throw new Error(`nothing at '${path}'`);
  return Object.keys(node).sort();
}

beforeAll(async () => {
  sim = await startMsp360({ seed: 11, endpoints: 60 });
  fx = await loadFixtures();
});

afterAll(() => sim.close());

describe("MSP360 contract: every method of the official list", () => {
  it("covers every seed method exactly once, and every documented route is in the table", () => {
    expect(CONTRACT).toHaveLength(56);
    expect(new Set(CONTRACT.map((row) => row.seed.toLowerCase())).size).toBe(CONTRACT.length);
    const served = MSP360_ROUTES.filter((r) => r.origin === "seed").map((r) => `${r.method} ${r.path}`.toLowerCase());
    const tabled = CONTRACT.map((row) => row.route.toLowerCase()).filter((key) => key !== "post api/provider/login");
    expect(new Set(tabled)).toEqual(new Set(served));
  });

  it.each(CONTRACT.map((row) => [row.seed, row] as const))("%s", async (_seed, row) => {
    const answer = await row.call();
    expect(answer.status, answer.text).toBe(row.status);
    if (row.schema === EMPTY) {
      expect(answer.text).toBe("");
    } else {
      const parsed = row.schema.safeParse(answer.body);
      expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    }
    for (const [path, keys] of Object.entries(row.keys ?? {})) expect(keysAt(answer.body, path), path || "body").toEqual([...keys].sort());
    await row.effect?.(answer);
  });
});
