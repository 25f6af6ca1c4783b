// The typed MSP360 Managed Backup (MBS) API client: one method per method of the official list (seed 001,
// m0608) plus the unverified plan start/stop extension. Signs in with the provider's API login, keeps the
// token in memory and in the connection's token store (a restart or another instance reuses it), renews it
// once on a 401, and shares one login between concurrent calls. Shapes: ./schemas.ts; quirks: research §0.
import { z } from "zod";
import type { ConnectionRuntime, TokenStore } from "../contract";
import { VendorError } from "../errors";
import { shortVendorText, VendorHttpClient, type RequestOptions, type VendorResponse } from "../http-client";
import { fieldOf, lenient, ReadNotes, tolerantList } from "../tolerant";
import * as S from "./schemas";

/** A cached token is used only while it has at least this long to live; closer to expiry we sign in again. */
export const TOKEN_RENEWAL_MARGIN_MS = 5 * 60_000;

/** GET api/Computers/{offset}/{count} page size for listAllComputers: 10 pages for 10,000 endpoints. */
export const COMPUTERS_PAGE_SIZE = 1000;

export interface CallOptions {
  signal?: AbortSignal;
}

interface CachedToken {
  token: string;
  expiresAt: Date;
}


/** The newer Computers API answers 404 `{"ErrorCode":-6,"Message":"Object \"<id>\" not found"}` for an unknown id. */
function isUnknownObject(error: unknown): boolean {
  return (
    error instanceof VendorError &&
    error.kind === "not_found" &&
    /^Object ".*" not found$/.test(error.info.vendorMessage ?? "")
  );
}

export class Msp360Client extends VendorHttpClient {
  private readonly baseUrl: string;
  private readonly credentials: { username: string; secret: string };
  private readonly tokens: TokenStore;
  private readonly counter: { requests: number };
  private cached: CachedToken | undefined;
  private pendingToken: Promise<string> | undefined;
  /** What was odd in the answers read so far (items left out of lists); the adapter turns them into warnings. */
  readonly notes = new ReadNotes();

  constructor(runtime: ConnectionRuntime) {
    const counter = { requests: 0 };
    const fetchImpl = runtime.http?.fetch ?? fetch;
    super({
      ...runtime.http,
      vendor: "msp360",
      limiter: runtime.limiter ?? runtime.http?.limiter,
      // Counts every request that goes out (logins and retries too): the snapshot reports it against the quota.
      fetch: (input, init) => {
        counter.requests++;
        return fetchImpl(input, init);
      },
    });
    this.counter = counter;
    this.baseUrl = runtime.baseUrl.replace(/\/+$/, "");
    this.credentials = { username: runtime.username, secret: runtime.secret };
    this.tokens = runtime.tokens;
  }

  /** HTTP requests sent so far by this client, including logins and retries. */
  get requestCount(): number {
    return this.counter.requests;
  }

  // ------------------------------------------------------------------------------------------ Provider

  // POST api/Provider/Login
  /** Signs in now (even with a token cached) and caches the new token. Bad credentials: VendorError "auth". */
  async login(): Promise<S.Msp360LoginResponse> {
    const sentAt = Date.now();
    let answer: S.Msp360LoginResponse;
    try {
      ({ data: answer } = await this.send("POST", this.url("api/Provider/Login"), {
        schema: lenient(S.msp360LoginResponseSchema),
        json: { UserName: this.credentials.username, Password: this.credentials.secret } satisfies S.Msp360LoginRequest,
        // A new token does no harm: a login may be sent again.
        idempotent: true,
      }));
    } catch (error) {
      // MBS answers a bad login with 400 invalid_grant (some clients report 403): both mean the credentials.
      if (error instanceof VendorError && (error.kind === "auth" || error.info.status === 400)) {
        throw new VendorError("msp360", "auth", "the API login was refused", error.info);
      }
      throw error;
    }
    const token = { token: answer.access_token, expiresAt: new Date(sentAt + answer.expires_in * 1000) };
    this.cached = token;
    await this.tokens.set(token);
    return answer;
  }

  // ------------------------------------------------------------------------------------------ Packages

  // GET api/Packages
  async listPackages(): Promise<S.Msp360Package[]> {
    return this.read("api/Packages", this.list(S.msp360PackageSchema, "package", "ID"));
  }

  // GET api/Packages/{id}
  async getPackage(id: number): Promise<S.Msp360Package | null> {
    return this.read(`api/Packages/${id}`, lenient(S.msp360PackageSchema).nullable());
  }

  // POST api/Packages
  /** Returns the new package's numeric ID. */
  async createPackage(body: S.Msp360PackageCreate): Promise<number> {
    return (await this.call("POST", "api/Packages", { json: body, schema: S.msp360NewPackageIdSchema })).data;
  }

  // PUT api/Packages
  async updatePackage(body: S.Msp360PackageUpdate): Promise<void> {
    await this.call("PUT", "api/Packages", { json: body });
  }

  // DELETE api/Packages/{id}
  async deletePackage(id: number): Promise<void> {
    await this.call("DELETE", `api/Packages/${id}`);
  }

  // ------------------------------------------------------------------------------------------ Users

  // GET api/Users
  async listUsers(options: CallOptions = {}): Promise<S.Msp360User[]> {
    return this.read("api/Users", this.list(S.msp360UserSchema, "user", "ID"), options);
  }

  // GET api/Users/{id}
  async getUser(id: string): Promise<S.Msp360User | null> {
    return this.read(`api/Users/${enc(id)}`, lenient(S.msp360UserSchema).nullable());
  }

  // PUT api/Users/Authenticate
  /** The user with this login and password, or null when they do not match. */
  async authenticateUser(body: S.Msp360UserAuthenticate): Promise<S.Msp360User | null> {
    return (await this.call("PUT", "api/Users/Authenticate", { json: body, schema: lenient(S.msp360UserSchema).nullable() })).data;
  }

  // PUT api/Users
  async updateUser(body: S.Msp360UserUpdate): Promise<void> {
    await this.call("PUT", "api/Users", { json: body });
  }

  // POST api/Users
  /** Returns the new user's ID. MBS reports a refusal as 200 with an error text: thrown as VendorError "rejected". */
  async createUser(body: S.Msp360UserCreate): Promise<string> {
    const { status, data } = await this.call("POST", "api/Users", { json: body, schema: S.msp360NewIdSchema });
    if (S.msp360GuidSchema.safeParse(data).success) return data;
    const said = shortVendorText(data);
    throw new VendorError("msp360", "rejected", `the user was not created: ${said}`, { status, vendorMessage: said, path: "/api/Users" });
  }

  // DELETE api/Users/{id}/Account
  /** Deletes the user but keeps its backup data in storage. */
  async deleteUserAccount(id: string): Promise<void> {
    await this.call("DELETE", `api/Users/${enc(id)}/Account`);
  }

  // DELETE api/Users/{id}
  /** Deletes the user together with its backup data. */
  async deleteUserWithData(id: string): Promise<void> {
    await this.call("DELETE", `api/Users/${enc(id)}`);
  }

  // GET api/Users/{UserID}/Computers
  async listUserComputers(userId: string): Promise<S.Msp360UserComputer[]> {
    return this.read(`api/Users/${enc(userId)}/Computers`, this.list(S.msp360UserComputerSchema, "computer", "ComputerName"));
  }

  // DELETE api/Users/{userId}/Computers
  /** Deletes these computers of the user together with their backup data. Sent once, like every erasure: a
   *  repeat after one that did arrive only gets "not found", which would hide that the data is gone. */
  async deleteUserComputers(userId: string, computers: z.input<typeof S.msp360UserComputersDeleteSchema>): Promise<void> {
    await this.call("DELETE", `api/Users/${enc(userId)}/Computers`, { json: computers, idempotent: false });
  }

  // ------------------------------------------------------------------------------------------ Monitoring

  // GET api/Monitoring
  /** The latest run of every plan on every authorized computer. */
  async listMonitoring(options: CallOptions = {}): Promise<S.Msp360Monitoring[]> {
    return this.read("api/Monitoring", this.list(S.msp360MonitoringSchema, "plan", (raw) => fieldOf(raw, "PlanId") ?? fieldOf(raw, "PlanName")), options);
  }

  // GET api/Monitoring/{UserID}
  /** The same for one user's online computers; null for an unknown user. */
  async listUserMonitoring(userId: string, options: CallOptions = {}): Promise<S.Msp360Monitoring[] | null> {
    return this.read(`api/Monitoring/${enc(userId)}`, this.list(S.msp360MonitoringSchema, "plan", (raw) => fieldOf(raw, "PlanId") ?? fieldOf(raw, "PlanName")).nullable(), options);
  }

  // ------------------------------------------------------------------------------------------ Companies

  // GET api/Companies
  async listCompanies(options: CallOptions = {}): Promise<S.Msp360Company[]> {
    return this.read("api/Companies", this.list(S.msp360CompanySchema, "company", "Id"), options);
  }

  // GET api/Companies/{id}
  async getCompany(id: string): Promise<S.Msp360Company | null> {
    return this.read(`api/Companies/${enc(id)}`, lenient(S.msp360CompanySchema).nullable());
  }

  // DELETE api/Companies/{id}
  async deleteCompany(id: string): Promise<void> {
    await this.call("DELETE", `api/Companies/${enc(id)}`);
  }

  // POST api/Companies
  /** Returns the new company's ID. */
  async createCompany(body: S.Msp360CompanyCreate): Promise<string> {
    return (await this.call("POST", "api/Companies", { json: body, schema: S.msp360NewIdSchema })).data;
  }

  // PUT api/Companies
  async updateCompany(body: S.Msp360CompanyUpdate): Promise<void> {
    await this.call("PUT", "api/Companies", { json: body });
  }

  // ------------------------------------------------------------------------------------------ Computers

  // GET api/Computers/{offset}/{count}
  async listComputers(offset: number, count: number, options: CallOptions = {}): Promise<S.Msp360ComputersPage> {
    const page = lenient(S.msp360ComputersPageSchema.extend({ Computers: this.list(S.msp360ComputerSchema, "computer", "ComputerHID") }));
    return this.read(`api/Computers/${offset}/${count}`, page, options);
  }

  /** Every computer, page by page (GET api/Computers/{offset}/{count}) until the last page. */
  async listAllComputers(pageSize = COMPUTERS_PAGE_SIZE, options: CallOptions = {}): Promise<S.Msp360Computer[]> {
    const byHid = new Map<string, S.Msp360Computer>();
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.listComputers(offset, pageSize, options);
      const before = byHid.size;
      // Keyed by HID: a computer added while paging shifts the list, and one may then appear on two pages.
      for (const computer of page.Computers) byHid.set(computer.ComputerHID.toLowerCase(), computer);
      // A short page is the last; a page with nothing new means the server ignores the offset. Count is the
      // total in the simulator but undocumented ("Number of computers"): trusted only when it exceeds the page.
      const reachedTotal = page.Count > page.Computers.length && byHid.size >= page.Count;
      if (page.Computers.length < pageSize || byHid.size === before || reachedTotal) break;
    }
    return [...byHid.values()];
  }

  // GET api/Computers/{hid}
  /** The computer, or null for an unknown HID. */
  async getComputer(hid: string): Promise<S.Msp360Computer | null> {
    return this.nullIfUnknown(this.read(`api/Computers/${enc(hid)}`, lenient(S.msp360ComputerSchema)));
  }

  // GET api/Computers/{hid}/Disks
  /** The computer's disks and volumes, or null for an unknown HID. */
  async listComputerDisks(hid: string): Promise<S.Msp360Disk[] | null> {
    return this.nullIfUnknown(this.read(`api/Computers/${enc(hid)}/Disks`, this.list(S.msp360DiskSchema, "disk", "DiskId")));
  }

  // GET api/Computers/{hid}/Plans
  /** The computer's backup and restore plans with their schedules, or null for an unknown HID. */
  async listComputerPlans(hid: string, options: CallOptions = {}): Promise<S.Msp360ComputerPlan[] | null> {
    return this.nullIfUnknown(this.read(`api/Computers/${enc(hid)}/Plans`, this.list(S.msp360ComputerPlanSchema, "plan", planIdOf), options));
  }

  // POST api/Computers/{hid}/authorization
  /** Authorizes an online computer for a user (UserId) or a new user of a company (CompanyId). */
  async authorizeComputer(hid: string, body: S.Msp360ComputerAuthorization): Promise<S.Msp360Result> {
    return (await this.call("POST", `api/Computers/${enc(hid)}/authorization`, { json: body, schema: lenient(S.msp360ResultSchema) })).data;
  }

  // DELETE api/Computers/{hid}/authorization
  async deauthorizeComputer(hid: string): Promise<S.Msp360Result> {
    return (await this.call("DELETE", `api/Computers/${enc(hid)}/authorization`, { schema: lenient(S.msp360ResultSchema) })).data;
  }

  // POST api/Computers/{hid}/Plans/{planId}/start  (UNVERIFIED: not in the official list, research §6)
  /** Starts a plan now. Works against the simulator; do not rely on it against the real API. */
  async startPlanUnverified(hid: string, planId: string, body: z.input<typeof S.msp360PlanStartSchema> = {}): Promise<S.Msp360Result> {
    return (await this.call("POST", `api/Computers/${enc(hid)}/Plans/${enc(planId)}/start`, { json: body, schema: lenient(S.msp360ResultSchema) })).data;
  }

  // POST api/Computers/{hid}/Plans/{planId}/stop  (UNVERIFIED: not in the official list, research §6)
  /** Stops a running plan. Works against the simulator; do not rely on it against the real API. */
  async stopPlanUnverified(hid: string, planId: string, body: z.input<typeof S.msp360PlanStopSchema> = {}): Promise<S.Msp360Result> {
    return (await this.call("POST", `api/Computers/${enc(hid)}/Plans/${enc(planId)}/stop`, { json: body, schema: lenient(S.msp360ResultSchema), idempotent: true })).data;
  }

  // ------------------------------------------------------------------------------------------ Licenses

  // GET api/Licenses?isAvailable={isAvailable}
  /** true: free licenses; false: taken ones; undefined: all. */
  async listLicenses(isAvailable?: boolean): Promise<S.Msp360License[]> {
    return (await this.call("GET", "api/Licenses", { query: { isAvailable }, schema: this.list(S.msp360LicenseSchema, "license", "ID") })).data;
  }

  // GET api/Licenses/{id}
  async getLicense(id: string): Promise<S.Msp360License | null> {
    return this.read(`api/Licenses/${enc(id)}`, lenient(S.msp360LicenseSchema).nullable());
  }

  // POST api/Licenses/Grant
  async grantLicense(body: S.Msp360LicenseOperation): Promise<void> {
    await this.call("POST", "api/Licenses/Grant", { json: body });
  }

  // POST api/Licenses/Release
  /** Takes the license back from the user, into the pool. */
  async releaseLicense(body: S.Msp360LicenseOperation): Promise<void> {
    await this.call("POST", "api/Licenses/Release", { json: body });
  }

  // POST api/Licenses/Revoke
  /** Frees the license's computer binding; the user keeps the license. */
  async revokeLicense(body: S.Msp360LicenseOperation): Promise<void> {
    await this.call("POST", "api/Licenses/Revoke", { json: body });
  }

  // ------------------------------------------------------------------------------------------ Destinations

  // POST api/Destinations
  async addUserDestination(body: S.Msp360DestinationCreate): Promise<void> {
    await this.call("POST", "api/Destinations", { json: body });
  }

  // PUT api/Destinations
  async updateUserDestination(body: S.Msp360DestinationUpdate): Promise<void> {
    await this.call("PUT", "api/Destinations", { json: body });
  }

  // DELETE api/Destinations/{ID}?UserID={UserID}
  async removeUserDestination(destinationId: string, userId: string): Promise<void> {
    await this.call("DELETE", `api/Destinations/${enc(destinationId)}`, { query: { UserID: userId } });
  }

  // GET api/Destinations/{UserEmail}
  /** The user's destinations, or null for an unknown login (MBS answers that with 406 and no body). */
  async listUserDestinations(userEmail: string): Promise<S.Msp360UserDestination[] | null> {
    const { status, data } = await this.call("GET", `api/Destinations/${enc(userEmail)}`, {
      schema: this.list(S.msp360UserDestinationSchema, "destination", "ID").nullable(),
      acceptStatus: [406],
    });
    return status === 406 ? null : data;
  }

  // ------------------------------------------------------------------------------------------ Accounts

  // GET api/Accounts
  async listAccounts(): Promise<S.Msp360Account[]> {
    return this.read("api/Accounts", this.list(S.msp360AccountSchema, "storage account", "AccountID"));
  }

  // GET api/Accounts/{id}
  async getAccount(id: string): Promise<S.Msp360Account | null> {
    return this.read(`api/Accounts/${enc(id)}`, lenient(S.msp360AccountSchema).nullable());
  }

  // POST api/Accounts
  async createAccount(body: S.Msp360AccountCreate): Promise<void> {
    await this.call("POST", "api/Accounts", { json: body });
  }

  // PUT api/Accounts
  async updateAccount(body: S.Msp360AccountUpdate): Promise<void> {
    await this.call("PUT", "api/Accounts", { json: body });
  }

  // POST api/Accounts/AddDestination
  /** Adds an existing bucket to a storage account. */
  async addAccountDestination(body: S.Msp360AccountDestinationCreate): Promise<void> {
    await this.call("POST", "api/Accounts/AddDestination", { json: body });
  }

  // POST api/Accounts/CreateDestination
  /** Creates a new bucket in a storage account. */
  async createAccountDestination(body: S.Msp360AccountDestinationCreate): Promise<void> {
    await this.call("POST", "api/Accounts/CreateDestination", { json: body });
  }

  // PUT api/Accounts/EditDestination
  async editAccountDestination(body: S.Msp360AccountDestinationChange): Promise<void> {
    await this.call("PUT", "api/Accounts/EditDestination", { json: body });
  }

  // PUT api/Accounts/RemoveDestination
  /** Sent once: a repeat after a removal that did arrive only gets "not found", which would hide the success. */
  async removeAccountDestination(body: S.Msp360AccountDestinationChange): Promise<void> {
    await this.call("PUT", "api/Accounts/RemoveDestination", { json: body, idempotent: false });
  }

  // ------------------------------------------------------------------------------------------ Billing

  // GET api/Billing
  /** Usage and cost per user for the current month (the server's month). */
  async getBilling(options: CallOptions = {}): Promise<S.Msp360Billing> {
    return this.read("api/Billing", this.billing(), options);
  }

  // PUT api/Billing
  /** The same for the month of `Date` (current when absent), for one company or all. */
  async queryBilling(filter: S.Msp360BillingRequest, options: CallOptions = {}): Promise<S.Msp360Billing> {
    return (await this.call("PUT", "api/Billing", { json: filter, schema: this.billing(), signal: options.signal, idempotent: true })).data;
  }

  // PUT api/Billing/Details
  /** One user's backup and restore bytes per computer and destination; null for an unknown user. */
  async getBillingDetails(filter: S.Msp360BillingDetailsRequest): Promise<S.Msp360BillingDetails | null> {
    return (await this.call("PUT", "api/Billing/Details", { json: filter, schema: lenient(S.msp360BillingDetailsSchema).nullable() })).data;
  }

  // ------------------------------------------------------------------------------------------ Builds

  // GET api/Builds
  async listBuilds(): Promise<S.Msp360Build[]> {
    return this.read("api/Builds", this.list(S.msp360BuildSchema, "build", "Type"));
  }

  // POST api/Builds/RequestCustomBuilds
  async requestCustomBuilds(body: S.Msp360CustomBuildsRequest): Promise<void> {
    await this.call("POST", "api/Builds/RequestCustomBuilds", { json: body });
  }

  // GET api/Builds/AvailableVersions
  async listAvailableVersions(): Promise<S.Msp360AvailableVersion[]> {
    return this.read("api/Builds/AvailableVersions", this.list(S.msp360AvailableVersionSchema, "version", "Version"));
  }

  // ------------------------------------------------------------------------------------------ Administrators

  // GET api/Administrators
  async listAdministrators(): Promise<S.Msp360Administrator[]> {
    return this.read("api/Administrators", this.list(S.msp360AdministratorSchema, "administrator", "AdminID"));
  }

  // GET api/Administrators/{id}
  async getAdministrator(id: string): Promise<S.Msp360Administrator | null> {
    return this.read(`api/Administrators/${enc(id)}`, lenient(S.msp360AdministratorSchema).nullable());
  }

  // POST api/Administrators
  /** Returns the new administrator's ID. */
  async createAdministrator(body: S.Msp360AdministratorCreate): Promise<string> {
    return (await this.call("POST", "api/Administrators", { json: body, schema: S.msp360NewIdSchema })).data;
  }

  // PUT api/Administrators
  async updateAdministrator(body: S.Msp360AdministratorUpdate): Promise<void> {
    await this.call("PUT", "api/Administrators", { json: body });
  }

  // DELETE api/Administrators/{id}
  async deleteAdministrator(id: string): Promise<void> {
    await this.call("DELETE", `api/Administrators/${enc(id)}`);
  }

  // ------------------------------------------------------------------------------------------ plumbing

  /** A list read item by item: one unreadable item is left out and noted, the rest is kept. */
  private list<T extends z.ZodType>(item: T, what: string, id: string | ((raw: Record<string, unknown>) => unknown)): z.ZodType<z.output<T>[]> {
    return tolerantList(item, { what, notes: this.notes, idOf: typeof id === "string" ? (raw) => fieldOf(raw, id) : id });
  }

  private billing() {
    return lenient(S.msp360BillingSchema.extend({ StatisticBilling: this.list(S.msp360BillingStatisticSchema, "billing row of user", "UserId") }));
  }

  private url(path: string): string {
    return `${this.baseUrl}/${path}`;
  }

  private async read<T>(path: string, schema: z.ZodType<T>, options: CallOptions = {}): Promise<T> {
    return (await this.call("GET", path, { schema, signal: options.signal })).data;
  }

  /** An authenticated call. On a 401 the token is renewed once and the call tried once more. */
  private async call<T = undefined>(method: string, path: string, options: RequestOptions<T> = {}): Promise<VendorResponse<T>> {
    const token = await this.accessToken();
    try {
      return await this.sendWithToken(token, method, path, options);
    } catch (error) {
      if (!(error instanceof VendorError && error.kind === "auth" && error.info.status === 401)) throw error;
      return this.sendWithToken(await this.renewToken(token), method, path, options);
    }
  }

  private sendWithToken<T>(token: string, method: string, path: string, options: RequestOptions<T>): Promise<VendorResponse<T>> {
    return this.send(method, this.url(path), { ...options, headers: { ...options.headers, Authorization: `Bearer ${token}` } });
  }

  private async nullIfUnknown<T>(request: Promise<T>): Promise<T | null> {
    try {
      return await request;
    } catch (error) {
      if (isUnknownObject(error)) return null;
      throw error;
    }
  }

  private static usable(expiresAt: Date): boolean {
    return expiresAt.getTime() - Date.now() >= TOKEN_RENEWAL_MARGIN_MS;
  }

  /** A token good for a while: from memory, else from the token store, else a new login (one at a time). */
  private async accessToken(): Promise<string> {
    if (this.cached && Msp360Client.usable(this.cached.expiresAt)) return this.cached.token;
    return this.singleFlight(() => this.storedOrNewToken());
  }

  /** After `rejected` got a 401: a token another call already renewed, or a new one. */
  private async renewToken(rejected: string): Promise<string> {
    const current = this.pendingToken ? await this.pendingToken : this.cached?.token;
    if (current && current !== rejected) return current;
    if (this.cached?.token === rejected) this.cached = undefined;
    return this.singleFlight(() => this.storedOrNewToken(rejected));
  }

  private singleFlight(obtain: () => Promise<string>): Promise<string> {
    this.pendingToken ??= obtain().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async storedOrNewToken(rejected?: string): Promise<string> {
    const stored = await this.tokens.get();
    if (stored && stored.token !== rejected && Msp360Client.usable(stored.expiresAt)) {
      this.cached = { token: stored.token, expiresAt: stored.expiresAt };
      return stored.token;
    }
    if (stored && stored.token === rejected) await this.tokens.clear();
    return (await this.login()).access_token;
  }
}

const enc = encodeURIComponent;

/** A plan item's id sits in its nested Plan object. */
function planIdOf(raw: Record<string, unknown>): unknown {
  const plan = fieldOf(raw, "Plan");
  return plan && typeof plan === "object" && !Array.isArray(plan) ? fieldOf(plan as Record<string, unknown>, "ID") : undefined;
}
