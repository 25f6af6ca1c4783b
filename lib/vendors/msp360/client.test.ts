// The MSP360 client against the simulator over real HTTP: every method, the token cache and its renewal,
// and how each kind of failure ends up as a VendorError.
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionRuntime } from "../contract";
import { describeVendorError, VendorError, type VendorErrorKind } from "../errors";
import { memoryTokenStore } from "../memory-token-store";
import { Msp360Client, TOKEN_RENEWAL_MARGIN_MS } from "./client";
import type * as S from "./schemas";
import { startMsp360, type StartedSimulator } from "./simulator/testing";
import type { Msp360SimulatorOptions } from "./simulator";

const FAST_HTTP = { minBackoffMs: 5, maxBackoffMs: 50, timeoutMs: 500 };
const UNKNOWN_GUID = "0b5c2c1e-9d1a-4e7b-8a55-3c6f0e2d4b71";

/** A runtime for the simulator whose fetch counts logins and requests. */
function runtimeFor(url: string, overrides: Partial<ConnectionRuntime> = {}) {
  const seen = { logins: 0, requests: 0 };
  const countingFetch: typeof fetch = (input, init) => {
    const target = input instanceof Request ? input.url : String(input);
    seen.requests++;
    if (/\/api\/provider\/login$/i.test(target)) seen.logins++;
    return fetch(input, init);
  };
  const runtime: ConnectionRuntime = {
    id: "test",
    username: "demo",
    secret: "demo-password",
    baseUrl: url,
    region: null,
    tokens: memoryTokenStore(),
    ...overrides,
    http: { ...FAST_HTTP, fetch: countingFetch, ...overrides.http },
  };
  return { runtime, seen };
}

async function addFault(sim: StartedSimulator, rule: Record<string, unknown>): Promise<void> {
  const answer = await sim.client.call("POST", "_sim/faults", { body: rule, token: null });
  expect(answer.status, answer.text).toBe(201);
}

async function failure(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VendorError);
  return error as VendorError;
}

// ------------------------------------------------------------------------------------------ every method

describe("every client method against the simulator", () => {
  let sim: StartedSimulator;
  let client: Msp360Client;
  let seen: { logins: number; requests: number };
  let serial = 0;
  const unique = (prefix: string) => `${prefix}-${++serial}`;

  interface Fixtures {
    computer: S.Msp360Computer;
    spares: S.Msp360Computer[];
    user: S.Msp360User;
    ownersOfComputers: S.Msp360User[];
    company: S.Msp360Company;
    account: S.Msp360Account;
    bucket: string;
    pkg: S.Msp360Package;
    admin: S.Msp360Administrator;
  }
  let fx: Fixtures;

  async function newUser(withDestination = false) {
    const email = `${unique("client")}@example.test`;
    const password = "Secret-123";
    const id = await client.createUser({
      Email: email,
      Password: password,
      Enabled: true,
      DestinationList: withDestination ? [{ AccountID: fx.account.AccountID, Destination: fx.bucket, PackageID: fx.pkg.ID }] : [],
    });
    return { id, email, password };
  }

  async function newAccount(): Promise<S.Msp360Account> {
    const name = unique("Account");
    await client.createAccount({ DisplayName: name, Type: 23, AccountSettings: { AccessKey: "AK", SecretKey: "SK" } });
    const account = (await client.listAccounts()).find((a) => a.DisplayName === name);
    if (!account) throw new Error("account not created");
    return account;
  }

  beforeAll(async () => {
    sim = await startMsp360({ seed: 11, endpoints: 60 });
    const made = runtimeFor(sim.server.url);
    client = new Msp360Client(made.runtime);
    seen = made.seen;
    const computers = await client.listAllComputers();
    const online = computers.filter((c) => c.Apps[0]?.Online && !c.LostAuth && c.UserID);
    const users = await client.listUsers();
    const [computer, ...others] = online;
    const user = users.find((u) => u.ID === computer?.UserID);
    const spares = others.filter((c) => c.UserID !== computer?.UserID).slice(0, 2);
    const reserved = new Set([computer, ...spares].map((c) => c?.UserID));
    const owners = new Set(computers.map((c) => c.UserID));
    const [company] = await client.listCompanies();
    const account = (await client.listAccounts()).find((a) => a.Destinations?.length);
    const pkg = (await client.listPackages()).find((p) => p.Enabled);
    const [admin] = await client.listAdministrators();
    const bucket = account?.Destinations?.[0]?.Destination;
    if (!computer || !user || spares.length < 2 || !company || !account || !bucket || !pkg || !admin) throw new Error("fixture missing");
    fx = {
      computer,
      spares,
      user,
      ownersOfComputers: users.filter((u) => owners.has(u.ID) && !reserved.has(u.ID)),
      company,
      account,
      bucket,
      pkg,
      admin,
    };
  });
  afterAll(() => sim.close());

  /** [seed method (or extension), client method, call, check of the parsed answer]. */
  type Row = [string, keyof Msp360Client, () => Promise<unknown>, (answer: unknown) => void];
  const nonEmptyList = (answer: unknown) => expect((answer as unknown[]).length).toBeGreaterThan(0);
  const nothing = (answer: unknown) => expect(answer).toBeUndefined();
  const ok = (answer: unknown) => expect(answer).toMatchObject({ ResultCode: 0 });
  const guid = (answer: unknown) => expect(answer).toMatch(/^[0-9a-f-]{36}$/i);

  const ROWS: Row[] = [
    ["POST API/Provider/Login", "login", () => client.login(), (a) => expect(a).toMatchObject({ token_type: "bearer", userName: "demo" })],
    // Packages
    ["GET API/Packages", "listPackages", () => client.listPackages(), nonEmptyList],
    ["GET API/Packages {ID}", "getPackage", () => client.getPackage(fx.pkg.ID), (a) => expect(a).toMatchObject({ ID: fx.pkg.ID })],
    ["POST API/Packages", "createPackage", () => client.createPackage({ Name: unique("Package"), Cost: 9.5, StorageLimit: 250 }), (a) => expect(a).toEqual(expect.any(Number))],
    [
      "PUT API/Packages",
      "updatePackage",
      async () => client.updatePackage({ ID: await client.createPackage({ Name: unique("Package"), Cost: 1, StorageLimit: 5 }), Name: unique("Renamed"), Cost: 2, StorageLimit: 6 }),
      nothing,
    ],
    ["DELETE API/Packages/{ID}", "deletePackage", async () => client.deletePackage(await client.createPackage({ Name: unique("Package"), Cost: 1, StorageLimit: 5 })), nothing],
    // Users
    ["GET API/Users", "listUsers", () => client.listUsers(), nonEmptyList],
    ["GET API/Users/{ID}", "getUser", () => client.getUser(fx.user.ID), (a) => expect(a).toMatchObject({ ID: fx.user.ID })],
    [
      "PUT API/Users/Authenticate",
      "authenticateUser",
      async () => {
        const user = await newUser();
        return client.authenticateUser({ Email: user.email, Password: user.password });
      },
      (a) => expect(a).toMatchObject({ Enabled: true }),
    ],
    ["PUT API/Users", "updateUser", async () => client.updateUser({ ID: (await newUser()).id, Enabled: false, FirstName: "Changed" }), nothing],
    ["POST API/Users", "createUser", async () => (await newUser(true)).id, guid],
    ["DELETE API/Users/{id}/Account", "deleteUserAccount", async () => client.deleteUserAccount((await newUser()).id), nothing],
    ["DELETE API/Users/{id}", "deleteUserWithData", async () => client.deleteUserWithData((await newUser()).id), nothing],
    ["GET API/Users/{UserID}/Computers", "listUserComputers", () => client.listUserComputers(fx.user.ID), nonEmptyList],
    [
      "DELETE API/Users/{userId}/Computers",
      "deleteUserComputers",
      async () => {
        const owner = fx.ownersOfComputers[0];
        if (!owner) throw new Error("no owner");
        const before = await client.listUserComputers(owner.ID);
        await client.deleteUserComputers(owner.ID, before.slice(0, 1));
        return (await client.listUserComputers(owner.ID)).length - before.length;
      },
      (a) => expect(a).toBe(-1),
    ],
    // Monitoring
    ["GET API/Monitoring", "listMonitoring", () => client.listMonitoring(), nonEmptyList],
    ["GET API/Monitoring/{UserID}", "listUserMonitoring", () => client.listUserMonitoring(fx.user.ID), nonEmptyList],
    // Companies
    ["GET API/Companies", "listCompanies", () => client.listCompanies(), nonEmptyList],
    ["GET API/Companies/{ID}", "getCompany", () => client.getCompany(fx.company.Id), (a) => expect(a).toMatchObject({ Id: fx.company.Id })],
    ["DELETE API/Companies/{ID}", "deleteCompany", async () => client.deleteCompany(await client.createCompany({ Name: unique("Company") })), nothing],
    ["POST API/Companies", "createCompany", () => client.createCompany({ Name: unique("Company"), StorageLimit: -1, LicenseSettings: 0 }), guid],
    ["PUT API/Companies", "updateCompany", async () => client.updateCompany({ Id: await client.createCompany({ Name: unique("Company") }), Name: unique("Renamed Co") }), nothing],
    // Computers
    ["GET API/Computers/{offset}/{count}", "listComputers", () => client.listComputers(0, 10), (a) => expect((a as S.Msp360ComputersPage).Computers).toHaveLength(10)],
    [
      "GET API/Computers/{offset}/{count} (all pages)",
      "listAllComputers",
      async () => [await client.listAllComputers(7), (await client.listComputers(0, 1)).Count],
      (a) => {
        const [all, count] = a as [S.Msp360Computer[], number];
        expect(all).toHaveLength(count);
        expect(new Set(all.map((c) => c.ComputerHID)).size).toBe(count);
      },
    ],
    ["GET API/Computers/{hid}", "getComputer", () => client.getComputer(fx.computer.ComputerHID), (a) => expect(a).toMatchObject({ ComputerHID: fx.computer.ComputerHID })],
    ["GET API/Computers/{hid}/Disks", "listComputerDisks", () => client.listComputerDisks(fx.computer.ComputerHID), nonEmptyList],
    ["GET API/Computers/{hid}/Plans", "listComputerPlans", () => client.listComputerPlans(fx.computer.ComputerHID), nonEmptyList],
    [
      "POST API/Computers/{hid}/authorization",
      "authorizeComputer",
      async () => client.authorizeComputer(fx.spares[0]!.ComputerHID, { UserId: (await newUser(true)).id }),
      ok,
    ],
    ["DELETE API/Computers/{hid}/authorization", "deauthorizeComputer", () => client.deauthorizeComputer(fx.spares[1]!.ComputerHID), ok],
    [
      "POST api/Computers/{hid}/Plans/{planId}/start (unverified)",
      "startPlanUnverified",
      async () => {
        const [plan] = (await client.listComputerPlans(fx.computer.ComputerHID)) ?? [];
        await client.startPlanUnverified(fx.computer.ComputerHID, plan!.Plan.ID);
        return (await client.listComputerPlans(fx.computer.ComputerHID))?.[0]?.Plan.Status;
      },
      (a) => expect(a).toBe(3),
    ],
    [
      "POST api/Computers/{hid}/Plans/{planId}/stop (unverified)",
      "stopPlanUnverified",
      async () => {
        const [plan] = (await client.listComputerPlans(fx.computer.ComputerHID)) ?? [];
        await client.stopPlanUnverified(fx.computer.ComputerHID, plan!.Plan.ID, { Force: true });
        return (await client.listComputerPlans(fx.computer.ComputerHID))?.[0]?.Plan.Status;
      },
      (a) => expect(a).toBe(5),
    ],
    // Licenses
    ["GET API/Licenses?isAvailable={isAvailable}", "listLicenses", () => client.listLicenses(true), (a) => expect((a as S.Msp360License[]).every((l) => !l.IsTaken)).toBe(true)],
    [
      "GET API/Licenses/{ID}",
      "getLicense",
      async () => client.getLicense((await client.listLicenses(false))[0]!.ID),
      (a) => expect(a).toMatchObject({ IsTaken: true }),
    ],
    [
      "POST API/Licenses/Grant",
      "grantLicense",
      async () => {
        const [license] = await client.listLicenses(true);
        await client.grantLicense({ LicenseID: license!.ID, UserID: (await newUser()).id });
        return client.getLicense(license!.ID);
      },
      (a) => expect(a).toMatchObject({ IsTaken: true }),
    ],
    [
      "POST API/Licenses/Release",
      "releaseLicense",
      async () => {
        const [license] = await client.listLicenses(true);
        const user = await newUser();
        await client.grantLicense({ LicenseID: license!.ID, UserID: user.id });
        await client.releaseLicense({ LicenseID: license!.ID, UserID: user.id });
        return client.getLicense(license!.ID);
      },
      (a) => expect(a).toMatchObject({ IsTaken: false, UserID: null }),
    ],
    [
      "POST API/Licenses/Revoke",
      "revokeLicense",
      async () => {
        const license = (await client.listLicenses(false)).find((l) => l.ComputerName && l.UserID);
        await client.revokeLicense({ LicenseID: license!.ID, UserID: license!.UserID! });
        return client.getLicense(license!.ID);
      },
      (a) => expect(a).toMatchObject({ ComputerName: null }),
    ],
    // Destinations
    [
      "POST API/Destinations",
      "addUserDestination",
      async () => {
        const user = await newUser();
        await client.addUserDestination({ UserID: user.id, AccountID: fx.account.AccountID, Destination: fx.bucket, PackageID: fx.pkg.ID });
        return client.listUserDestinations(user.email);
      },
      nonEmptyList,
    ],
    [
      "PUT API/Destinations",
      "updateUserDestination",
      async () => {
        const user = await newUser(true);
        const [current] = (await client.listUserDestinations(user.email)) ?? [];
        return client.updateUserDestination({ ID: current!.ID, UserID: user.id, AccountID: fx.account.AccountID, Destination: fx.bucket, PackageID: fx.pkg.ID });
      },
      nothing,
    ],
    [
      "DELETE API/Destinations/{ID}?UserID={UserID}",
      "removeUserDestination",
      async () => {
        const user = await newUser(true);
        const [current] = (await client.listUserDestinations(user.email)) ?? [];
        await client.removeUserDestination(current!.ID, user.id);
        return client.listUserDestinations(user.email);
      },
      (a) => expect(a).toEqual([]),
    ],
    ["GET API/Destinations/{UserEmail}", "listUserDestinations", () => client.listUserDestinations(fx.user.Email), nonEmptyList],
    // Accounts
    ["GET API/Accounts", "listAccounts", () => client.listAccounts(), nonEmptyList],
    ["GET API/Accounts/{ID}", "getAccount", () => client.getAccount(fx.account.AccountID), (a) => expect(a).toMatchObject({ AccountID: fx.account.AccountID })],
    ["POST API/Accounts", "createAccount", async () => (await newAccount()).StorageType, (a) => expect(a).toBe("Wasabi")],
    [
      "PUT API/Accounts",
      "updateAccount",
      async () => {
        const account = await newAccount();
        await client.updateAccount({ AccountID: account.AccountID, DisplayName: unique("Renamed"), Type: 9 });
        return client.getAccount(account.AccountID);
      },
      (a) => expect(a).toMatchObject({ StorageType: "BackblazeB2" }),
    ],
    [
      "POST API/Accounts/AddDestination",
      "addAccountDestination",
      async () => {
        const account = await newAccount();
        await client.addAccountDestination({ AccountID: account.AccountID, Destination: "existing-bucket" });
        return (await client.getAccount(account.AccountID))?.Destinations;
      },
      (a) => expect(a).toMatchObject([{ Destination: "existing-bucket" }]),
    ],
    [
      "POST api/Accounts/CreateDestination",
      "createAccountDestination",
      async () => {
        const account = await newAccount();
        await client.createAccountDestination({ AccountID: account.AccountID, Destination: "created-bucket" });
        return (await client.getAccount(account.AccountID))?.Destinations;
      },
      (a) => expect(a).toMatchObject([{ Destination: "created-bucket" }]),
    ],
    [
      "PUT API/Accounts/EditDestination",
      "editAccountDestination",
      async () => {
        const account = await newAccount();
        await client.addAccountDestination({ AccountID: account.AccountID, Destination: "edit-me" });
        const [destination] = (await client.getAccount(account.AccountID))?.Destinations ?? [];
        await client.editAccountDestination({ DestinationID: destination!.DestinationID, AccountID: account.AccountID, Destination: "edit-me", DestinationDisplayName: "Edited" });
        return (await client.getAccount(account.AccountID))?.Destinations;
      },
      (a) => expect(a).toMatchObject([{ DestinationDisplayName: "Edited" }]),
    ],
    [
      "PUT API/Accounts/RemoveDestination",
      "removeAccountDestination",
      async () => {
        const account = await newAccount();
        await client.addAccountDestination({ AccountID: account.AccountID, Destination: "remove-me" });
        const [destination] = (await client.getAccount(account.AccountID))?.Destinations ?? [];
        await client.removeAccountDestination({ DestinationID: destination!.DestinationID, AccountID: account.AccountID, Destination: "remove-me" });
        return (await client.getAccount(account.AccountID))?.Destinations;
      },
      (a) => expect(a).toEqual([]),
    ],
    // Billing
    ["GET API/Billing", "getBilling", () => client.getBilling(), (a) => nonEmptyList((a as S.Msp360Billing).StatisticBilling)],
    [
      "PUT API/Billing",
      "queryBilling",
      () => client.queryBilling({ CompanyName: fx.company.Name, Date: new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 19) }),
      (a) => expect((a as S.Msp360Billing).StatisticBilling.every((row) => row.CompanyName === fx.company.Name)).toBe(true),
    ],
    ["PUT API/Billing/Details", "getBillingDetails", () => client.getBillingDetails({ UserID: fx.user.ID }), (a) => expect(a).toMatchObject({ UserID: fx.user.ID })],
    // Builds
    ["GET API/Builds", "listBuilds", () => client.listBuilds(), nonEmptyList],
    ["POST API/Builds/RequestCustomBuilds", "requestCustomBuilds", () => client.requestCustomBuilds({ Editions: [0, 2], Type: 0 }), nothing],
    ["GET API/Builds/AvailableVersions", "listAvailableVersions", () => client.listAvailableVersions(), nonEmptyList],
    // Administrators
    ["GET API/Administrators", "listAdministrators", () => client.listAdministrators(), nonEmptyList],
    ["GET API/Administrators/{ID}", "getAdministrator", () => client.getAdministrator(fx.admin.AdminID), (a) => expect(a).toMatchObject({ AdminID: fx.admin.AdminID })],
    ["POST API/Administrators", "createAdministrator", () => client.createAdministrator({ Email: `${unique("admin")}@msp.test`, InitialPassword: "Initial-123" }), guid],
    [
      "PUT API/Administrators",
      "updateAdministrator",
      async () => {
        const id = await client.createAdministrator({ Email: `${unique("admin")}@msp.test`, InitialPassword: "Initial-123" });
        await client.updateAdministrator({ AdminID: id, FirstName: "Changed" });
        return client.getAdministrator(id);
      },
      (a) => expect(a).toMatchObject({ FirstName: "Changed" }),
    ],
    [
      "DELETE API/Administrators/{ID}",
      "deleteAdministrator",
      async () => {
        const id = await client.createAdministrator({ Email: `${unique("admin")}@msp.test`, InitialPassword: "Initial-123" });
        await client.deleteAdministrator(id);
        return client.getAdministrator(id);
      },
      (a) => expect(a).toBeNull(),
    ],
  ];

  it("has a row for each of the 56 seed methods and for every public method of the client", () => {
    const plumbing = new Set(["constructor", "send", "validate", "url", "read", "list", "billing", "call", "sendWithToken", "nullIfUnknown", "accessToken", "renewToken", "singleFlight", "storedOrNewToken"]);
    const publicMethods = Object.getOwnPropertyNames(Msp360Client.prototype).filter(
      (name) => !plumbing.has(name) && typeof Object.getOwnPropertyDescriptor(Msp360Client.prototype, name)?.value === "function",
    );
    expect(ROWS.filter(([seed]) => /^(GET|PUT|POST|DELETE) API\//i.test(seed) && !/\(/.test(seed))).toHaveLength(56);
    expect(new Set(ROWS.map(([, method]) => method))).toEqual(new Set(publicMethods));
  });

  it.each(ROWS)("%s -> %s", async (_seed, _method, run, check) => {
    check(await run());
  });

  it("pages through the computers with no more requests than the pages", async () => {
    const { Count: total } = await client.listComputers(0, 1);
    // Full pages whose Count is larger than the page: the last full page ends it. A Count equal to the page
    // could mean "this page" (the docs do not say), so one more request makes sure.
    const expectations = [[10, Math.ceil(total / 10)], [1, total], [total + 5, 1], [total, 2]] as const;
    for (const [pageSize, pages] of expectations) {
      const before = seen.requests;
      expect(await client.listAllComputers(pageSize)).toHaveLength(total);
      expect(seen.requests - before, `page size ${pageSize}`).toBe(pages);
    }
  });

  describe("vendor quirks", () => {
    it("answers null for unknown ids (200 null, 404 ErrorCode -6, 406 for an unknown login)", async () => {
      expect(await client.getUser(UNKNOWN_GUID)).toBeNull();
      expect(await client.getCompany(UNKNOWN_GUID)).toBeNull();
      expect(await client.getLicense(UNKNOWN_GUID)).toBeNull();
      expect(await client.getAccount(UNKNOWN_GUID)).toBeNull();
      expect(await client.getAdministrator(UNKNOWN_GUID)).toBeNull();
      expect(await client.getPackage(987654)).toBeNull();
      expect(await client.listUserMonitoring(UNKNOWN_GUID)).toBeNull();
      expect(await client.getBillingDetails({ UserID: UNKNOWN_GUID })).toBeNull();
      expect(await client.getComputer(UNKNOWN_GUID)).toBeNull();
      expect(await client.listComputerPlans(UNKNOWN_GUID)).toBeNull();
      expect(await client.listComputerDisks(UNKNOWN_GUID)).toBeNull();
      expect(await client.listUserDestinations("nobody@example.test")).toBeNull();
      expect(await client.authenticateUser({ Email: fx.user.Email, Password: "wrong-password" })).toBeNull();
    });

    it("turns POST api/Users' 200-with-an-error-text into a rejected VendorError carrying the text", async () => {
      const error = await failure(client.createUser({ Email: fx.user.Email, Password: "Secret-123", Enabled: true }));
      expect(error.kind).toBe("rejected");
      expect(error.info.vendorMessage).toMatch(/exist/i);
      expect(describeVendorError(error)).toContain(error.info.vendorMessage);
    });

    it("reports other refusals as rejected with the vendor's message", async () => {
      const error = await failure(client.deleteCompany(UNKNOWN_GUID));
      expect(error).toMatchObject({ kind: "rejected", info: { status: 400 } });
      expect(error.info.vendorMessage).toMatch(/not found/i);
    });
  });
});

// ------------------------------------------------------------------------------------------ tokens

describe("the access token", () => {
  let sims: StartedSimulator[] = [];
  async function start(options: Msp360SimulatorOptions = {}) {
    const sim = await startMsp360({ seed: 3, endpoints: 6, ...options });
    sims.push(sim);
    return sim;
  }
  afterEach(async () => {
    await Promise.all(sims.map((sim) => sim.close()));
    sims = [];
  });

  it("is cached in memory and in the token store: a second client with the same store does not log in", async () => {
    const sim = await start();
    const tokens = memoryTokenStore();
    const first = runtimeFor(sim.server.url, { tokens });
    const client = new Msp360Client(first.runtime);
    await client.listPackages();
    await client.listBuilds();
    expect(first.seen.logins).toBe(1);
    expect(tokens.writes).toBe(1);
    const stored = await tokens.get();
    expect(stored?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);

    const second = runtimeFor(sim.server.url, { tokens });
    await new Msp360Client(second.runtime).listPackages();
    expect(second.seen.logins).toBe(0);
    expect(second.seen.requests).toBe(1);
  });

  it("is not reused when it has less than five minutes left", async () => {
    const sim = await start();
    const tokens = memoryTokenStore();
    await new Msp360Client(runtimeFor(sim.server.url, { tokens }).runtime).listPackages();
    const stored = await tokens.get();
    await tokens.set({ token: stored!.token, expiresAt: new Date(Date.now() + TOKEN_RENEWAL_MARGIN_MS - 10_000) });

    const next = runtimeFor(sim.server.url, { tokens });
    await new Msp360Client(next.runtime).listPackages();
    expect(next.seen.logins).toBe(1);
    expect((await tokens.get())?.token).not.toBe(stored!.token);
  });

  it("is renewed once it has expired at the vendor (401), and the call succeeds", async () => {
    const sim = await start({ tokenLifetimeMs: 10 * 60_000 });
    const { runtime, seen } = runtimeFor(sim.server.url);
    const client = new Msp360Client(runtime);
    await client.listPackages();
    await sim.client.advance("11m");
    expect(await client.listPackages()).not.toHaveLength(0);
    expect(seen.logins).toBe(2);
  });

  it("is renewed after a 401 (expire-token fault) and the call retried once", async () => {
    const sim = await start();
    const { runtime, seen } = runtimeFor(sim.server.url);
    const client = new Msp360Client(runtime);
    await client.listPackages();
    await addFault(sim, { route: "/api/Packages", kind: "expire-token", count: 1 });
    expect(await client.listPackages()).not.toHaveLength(0);
    expect(seen.logins).toBe(2);
    expect(seen.requests).toBe(5); // login, GET, GET (401), login, GET
  });

  it("gives up with an auth error when the renewed token is refused too", async () => {
    const sim = await start();
    const { runtime, seen } = runtimeFor(sim.server.url);
    await addFault(sim, { route: "/api/Packages", kind: "expire-token" });
    const error = await failure(new Msp360Client(runtime).listPackages());
    expect(error).toMatchObject({ kind: "auth", info: { status: 401 } });
    expect(seen.logins).toBe(2);
  });

  it("is obtained by one login shared by concurrent calls", async () => {
    const sim = await start();
    const { runtime, seen } = runtimeFor(sim.server.url);
    const client = new Msp360Client(runtime);
    await Promise.all([client.listPackages(), client.listUsers(), client.listCompanies(), client.listBuilds(), client.listAccounts()]);
    expect(seen.logins).toBe(1);
  });

  it("renews once for concurrent calls that all got a 401", async () => {
    const sim = await start();
    const { runtime, seen } = runtimeFor(sim.server.url);
    const client = new Msp360Client(runtime);
    await client.listPackages();
    await addFault(sim, { route: "/api/*", kind: "expire-token", count: 3 });
    await Promise.all([client.listPackages(), client.listUsers(), client.listCompanies()]);
    expect(seen.logins).toBe(2);
  });

  it("reports a bad password as an auth error that says the credentials were rejected", async () => {
    const sim = await start();
    const { runtime, seen } = runtimeFor(sim.server.url, { secret: "wrong-password" });
    const error = await failure(new Msp360Client(runtime).listPackages());
    expect(error.kind).toBe("auth");
    expect(error.info).toMatchObject({ status: 400, vendorMessage: "The user name or password is incorrect." });
    expect(describeVendorError(error)).toMatch(/rejected the credentials.*The user name or password is incorrect/);
    expect(seen.requests).toBe(1); // a refused login is not retried
  });

  it("stops working once the credentials change at the vendor: the next login is refused", async () => {
    const sim = await start();
    const { runtime } = runtimeFor(sim.server.url);
    const client = new Msp360Client(runtime);
    await client.listPackages();
    sim.handler.world.changeCredentials("demo", { password: "rotated-password" });
    expect((await failure(client.listPackages())).kind).toBe("auth");
  });
});

// ------------------------------------------------------------------------------------------ failures

describe("failures", () => {
  let sim: StartedSimulator;
  beforeAll(async () => {
    sim = await startMsp360({ seed: 5, endpoints: 6 });
  });
  afterAll(() => sim.close());
  afterEach(async () => {
    await sim.client.call("DELETE", "_sim/faults", { token: null });
  });

  /** A signed-in client, so that the faults hit the call under test and not the login. */
  async function signedIn(overrides: Partial<ConnectionRuntime> = {}) {
    const { runtime, seen } = runtimeFor(sim.server.url, overrides);
    const client = new Msp360Client(runtime);
    await client.login();
    seen.requests = 0;
    return { client, seen };
  }

  async function kindOf(promise: Promise<unknown>): Promise<VendorErrorKind> {
    return (await failure(promise)).kind;
  }

  it("retries 503s and succeeds", async () => {
    const { client, seen } = await signedIn();
    await addFault(sim, { route: "/api/Packages", kind: "error", status: 503, count: 2 });
    expect(await client.listPackages()).not.toHaveLength(0);
    expect(seen.requests).toBe(3);
  });

  it("reports persistent 503s as unavailable after the retries", async () => {
    const { client, seen } = await signedIn();
    await addFault(sim, { route: "/api/Packages", kind: "error", status: 503 });
    const error = await failure(client.listPackages());
    expect(error).toMatchObject({ kind: "unavailable", info: { status: 503 } });
    expect(describeVendorError(error)).toMatch(/MSP360 is having problems \(HTTP 503\)/);
    expect(seen.requests).toBe(4); // the first try and 3 retries
  });

  it("waits as long as a 429's Retry-After says, then succeeds", async () => {
    const { client, seen } = await signedIn({ http: { maxBackoffMs: 5000 } });
    await addFault(sim, { route: "/api/Packages", kind: "rate-limit", retryAfterSeconds: 1, count: 1 });
    const started = Date.now();
    expect(await client.listPackages()).not.toHaveLength(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(seen.requests).toBe(2);
  });

  it("retries a cut-off JSON body", async () => {
    const { client, seen } = await signedIn();
    await addFault(sim, { route: "/api/Packages", kind: "malformed-json", count: 1 });
    expect(await client.listPackages()).not.toHaveLength(0);
    expect(seen.requests).toBe(2);
  });

  it("reports a cut-off body that never heals as malformed", async () => {
    const { client } = await signedIn({ http: { retries: 1 } });
    await addFault(sim, { route: "/api/Packages", kind: "malformed-json" });
    expect(await kindOf(client.listPackages())).toBe("malformed");
  });

  it("reports a hanging vendor as a timeout", async () => {
    const { client } = await signedIn({ http: { timeoutMs: 150, retries: 1 } });
    await addFault(sim, { route: "/api/Packages", kind: "hang", delayMs: 5000 });
    expect(await kindOf(client.listPackages())).toBe("timeout");
  });

  it("reports a dropped connection as a network error", async () => {
    const { client } = await signedIn({ http: { retries: 1 } });
    await addFault(sim, { route: "/api/Packages", kind: "reset" });
    expect(await kindOf(client.listPackages())).toBe("network");
  });

  it("reports an unreachable server as a network error", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const { runtime } = runtimeFor(`http://127.0.0.1:${port}`, { http: { retries: 1 } });
    const error = await failure(new Msp360Client(runtime).listPackages());
    expect(error.kind).toBe("network");
    expect(describeVendorError(error)).toMatch(/could not be reached.*ECONNREFUSED/);
  });

  it("reports a changed answer shape as bad_response", async () => {
    const { runtime } = runtimeFor(sim.server.url, {
      http: { fetch: async () => Response.json({ access_token: "t", token_type: "bearer", expires_in: 3600, userName: "demo", ".issued": "", ".expires": "" }) },
    });
    const error = await failure(new Msp360Client(runtime).listPackages());
    expect(error.kind).toBe("bad_response");
  });
});
