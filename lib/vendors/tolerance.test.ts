// Real answers differ from the documents. Every Rackspace example of seed 003, and every MSP360 answer the
// simulator gives (the MSP360 seeds have no examples), is served over real HTTP to the vendor clients as it is
// and in mutated copies: other casings of field names and enumeration values, numbers sent as strings, nulls in
// optional fields, fields added later, a state no document names, and a list with one broken item. The clients
// must not throw, must read the same values, must keep the good items, and must say what was odd.
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import type { ConnectionRuntime } from "./contract";
import { VendorError } from "./errors";
import { memoryTokenStore } from "./memory-token-store";
import { Msp360Client } from "./msp360/client";
import * as M from "./msp360/schemas";
import { startMsp360, type StartedSimulator } from "./msp360/simulator/testing";
import { RackspaceClient } from "./rackspace/client";
import * as R from "./rackspace/schemas";

// ---------------------------------------------------------------------------------------------- mutations

type Json = unknown;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Objects whose keys are data, not field names (MSP360's permission name → 0/1 map): left as they are. */
const KEYED_BY_DATA = new Set(["PermissionsModels"]);

function mapKeys(value: Json, rename: (key: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [rename(key), KEYED_BY_DATA.has(key) ? item : mapKeys(item, rename)]));
}

function mapValues(value: Json, change: (leaf: Json) => Json): Json {
  if (Array.isArray(value)) return value.map((item) => mapValues(item, change));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapValues(item, change)]));
  return change(value);
}

function addField(value: Json): Json {
  if (Array.isArray(value)) return value.map(addField);
  if (!value || typeof value !== "object") return value;
  const fields = Object.entries(value).map(([key, item]) => [key, KEYED_BY_DATA.has(key) ? item : addField(item)]);
  return { ...Object.fromEntries(fields), AddedLater: { Note: "a field no document names" } };
}

/** Field names of an object schema that the documents show as optional or nullable. */
function optionalFields(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return Object.entries(shape)
    .filter(([, field]) => field.safeParse(undefined).success || field.safeParse(null).success)
    .map(([key]) => key);
}

const MUTATIONS: { name: string; change: (answer: Json) => Json }[] = [
  { name: "field names in lower case", change: (answer) => mapKeys(answer, (key) => key.toLowerCase()) },
  { name: "field names in camelCase", change: (answer) => mapKeys(answer, (key) => key.charAt(0).toLowerCase() + key.slice(1)) },
  { name: "numbers sent as strings", change: (answer) => mapValues(answer, (leaf) => (typeof leaf === "number" ? String(leaf) : leaf)) },
  { name: "fields added later", change: addField },
];

/** What a reading gives, without the raw payloads and added fields (which keep what the vendor sent, as it sent it). */
function withoutRaw(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRaw);
  if (value instanceof Date) return value.toISOString();
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "raw" && key !== "AddedLater").map(([key, item]) => [key, withoutRaw(item)]));
}

/** At least `count` items: copies of the first, each with its own id, when the answer has fewer. */
function atLeast(items: Record<string, unknown>[], count: number, idField: string): Record<string, unknown>[] {
  while (items.length < count) {
    const copy = clone(items[0]!);
    const id = copy[idField];
    copy[idField] = typeof id === "number" ? id + 1000 + items.length : `${String(id)}-copy-${items.length}`;
    items.push(copy);
  }
  return items;
}

// ---------------------------------------------------------------------------------------------- a vendor that says what we tell it

interface Answer {
  status?: number;
  body: string;
}

/** A server on 127.0.0.1 answering each path with what the test set, and Rackspace's sign-in with a catalog to itself. */
async function scriptedVendor(): Promise<RunningSimulator & { answers: Map<string, Answer>; set(path: string, value: Json): void }> {
  const answers = new Map<string, Answer>();
  let self = "";
  const server = await serveSimulator(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === "/v2.0/tokens") {
      return Response.json({
        access: {
          token: { id: "token-1", expires: new Date(Date.now() + 86_400_000).toISOString(), tenant: { id: "123", name: "123" } },
          serviceCatalog: [{ name: "cloudBackup", type: "rax:backup", endpoints: [{ region: "DFW", tenantId: "123", publicURL: `${self}/v1.0/123` }] }],
          user: { id: "u1", name: "tester", "RAX-AUTH:defaultRegion": "DFW", roles: [] },
        },
      });
    }
    if (url.pathname === "/api/Provider/Login") {
      return Response.json({ access_token: "t", token_type: "bearer", expires_in: 86_400, userName: "demo", ".issued": "x", ".expires": "y" });
    }
    const answer = answers.get(url.pathname.toLowerCase());
    if (!answer) return Response.json({ Message: `no answer scripted for ${url.pathname}` }, { status: 404 });
    return new Response(answer.body, { status: answer.status ?? 200, headers: { "content-type": "application/json" } });
  });
  self = server.url;
  return Object.assign(server, {
    answers,
    set(pathname: string, value: Json) {
      answers.set(pathname.toLowerCase(), { body: typeof value === "string" ? value : JSON.stringify(value) });
    },
  });
}

function runtime(baseUrl: string): ConnectionRuntime {
  return { id: "tolerance", username: "demo", secret: "secret-key", baseUrl, region: null, tokens: memoryTokenStore(), http: { retries: 0, timeoutMs: 5000 } };
}

// ---------------------------------------------------------------------------------------------- Rackspace: the seed's examples

const EXAMPLES = path.join(import.meta.dirname, "rackspace/simulator/seed-examples");
const example = (file: string): Json => {
  const text = fs.readFileSync(path.join(EXAMPLES, file), "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : text.trim();
};

interface RackspaceCase {
  file: string;
  path: string;
  read: (client: RackspaceClient) => Promise<unknown>;
  /** The item schema of a list answer (for the nulls and the broken item), or the object's schema. */
  schema?: z.ZodType;
  list?: boolean;
}

const RACKSPACE_CASES: RackspaceCase[] = [
  { file: "user-agents.response.json", path: "/user/agents", read: (c) => c.listAgents(), schema: R.rackspaceAgentSchema, list: true },
  { file: "agent-details.response.json", path: "/agent/1", read: (c) => c.getAgent(1), schema: R.rackspaceAgentSchema },
  { file: "agent-by-host-server.response.json", path: "/agent/server/h1", read: (c) => c.getAgentByHostServer("h1"), schema: R.rackspaceAgentSchema },
  { file: "agent-update-behavior.response.json", path: "/agent/1", read: (c) => c.updateAgentBehavior(1, { useServiceNet: true }), schema: R.rackspaceAgentSchema },
  { file: "config-list-user.response.json", path: "/backup-configuration", read: (c) => c.listConfigurations(), schema: R.rackspaceBackupConfigurationSchema, list: true },
  { file: "config-list-agent.response.json", path: "/backup-configuration/system/1", read: (c) => c.listAgentConfigurations(1), schema: R.rackspaceBackupConfigurationSchema, list: true },
  { file: "config-details.response.json", path: "/backup-configuration/7", read: (c) => c.getConfiguration(7), schema: R.rackspaceBackupConfigurationSchema },
  { file: "config-disable.response.json", path: "/backup-configuration/enable/7", read: (c) => c.setConfigurationEnabled(7, false), schema: R.rackspaceBackupConfigurationSchema },
  { file: "backup-details.response.json", path: "/backup/9", read: (c) => c.getBackup(9), schema: R.rackspaceBackupSchema },
  { file: "backup-completed.response.json", path: "/backup/completed/7", read: (c) => c.listCompletedBackups(7), schema: R.rackspaceCompletedBackupSchema, list: true },
  { file: "backup-report.response.json", path: "/backup/report/9", read: (c) => c.getBackupReport(9), schema: R.rackspaceBackupReportSchema },
  { file: "backup-start.response.json", path: "/backup/action-requested", read: (c) => c.startBackup(7) },
  { file: "restore-available-backups.response.json", path: "/backup/availableforrestore", read: (c) => c.listAvailableForRestore(), schema: R.rackspaceAvailableBackupSchema, list: true },
  { file: "restore-details.response.json", path: "/restore/5", read: (c) => c.getRestore(5), schema: R.rackspaceRestoreSchema },
  { file: "restore-list-files.response.json", path: "/restore/files/5", read: (c) => c.listRestoreFiles(5), schema: R.rackspaceRestoreFileSchema, list: true },
  { file: "restore-report.response.json", path: "/restore/report/5", read: (c) => c.getRestoreReport(5), schema: R.rackspaceRestoreReportSchema },
  { file: "activity-user.response.json", path: "/activity", read: (c) => c.listActivity(), schema: R.rackspaceActivitySchema, list: true },
  { file: "activity-agent.response.json", path: "/system/activity/1", read: (c) => c.listAgentActivity(1), schema: R.rackspaceActivitySchema, list: true },
];

describe("Rackspace: every example of seed 003, and mutated copies", () => {
  let vendor: Awaited<ReturnType<typeof scriptedVendor>>;
  let client: RackspaceClient;
  const api = (p: string) => `/v1.0/123${p}`;

  beforeAll(async () => {
    vendor = await scriptedVendor();
    client = new RackspaceClient(runtime(`${vendor.url}/v2.0`));
  });
  afterAll(() => vendor.close());
  beforeEach(() => void client.notes.take());

  /** Serves `answer` at the case's path and reads it with the client. */
  async function readAs(testCase: RackspaceCase, answer: Json) {
    vendor.set(api(testCase.path), answer);
    return testCase.read(client);
  }

  it.each(RACKSPACE_CASES)("$file reads as the seed prints it", async (testCase) => {
    const value = await readAs(testCase, example(testCase.file));
    expect(value).toBeDefined();
    expect(client.notes.take()).toEqual([]);
  });

  for (const mutation of MUTATIONS) {
    it.each(RACKSPACE_CASES.filter((c) => c.schema))(`$file with ${mutation.name} reads the same`, async (testCase) => {
      const original = withoutRaw(await readAs(testCase, example(testCase.file)));
      const mutated = withoutRaw(await readAs(testCase, mutation.change(clone(example(testCase.file)))));
      expect(mutated).toEqual(original);
      expect(client.notes.take()).toEqual([]);
    });
  }

  it.each(RACKSPACE_CASES.filter((c) => c.schema))("$file with null in every optional field still reads", async (testCase) => {
    const answer = clone(example(testCase.file));
    const nulled = (item: Json) => Object.fromEntries(Object.entries(item as object).map(([key, value]) => [key, optionalFields(testCase.schema!).includes(key) ? null : value]));
    const read = await readAs(testCase, Array.isArray(answer) ? answer.map(nulled) : nulled(answer));
    if (testCase.list) expect(read).toHaveLength((answer as unknown[]).length);
    else expect(read).toBeTruthy();
  });

  it("keeps the raw payload as the vendor sent it, fields added later included", async () => {
    const agents = await readAs(RACKSPACE_CASES[0]!, addField(clone(example("user-agents.response.json"))));
    expect((agents as { raw: Record<string, unknown> }[])[0]!.raw.AddedLater).toEqual({ Note: "a field no document names" });
  });

  it("reads the seed's other spellings of a state alike, and names a state no document knows", async () => {
    const activity = atLeast(clone(example("activity-user.response.json")) as Record<string, unknown>[], 3, "ID");
    activity[0]!.CurrentState = "Completed WithErrors";
    activity[1]!.CurrentState = "startRequested";
    activity[2]!.CurrentState = "Frozen";
    const read = await readAs(RACKSPACE_CASES.find((c) => c.path === "/activity")!, activity);
    expect(read).toHaveLength(activity.length);
    const [first, second, third] = read as { state: string; id: number }[];
    expect(first!.state).toBe("CompletedWithErrors");
    expect(second!.state).toBe("StartRequested");
    expect(third!.state).toBe("Frozen");
    const notes = client.notes.take();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`State "Frozen" is not one the documents name.*${third!.id}`));
  });

  it.each(RACKSPACE_CASES.filter((c) => c.list))("$file with one broken item keeps the others and names the broken one", async (testCase) => {
    const answer = atLeast(clone(example(testCase.file)) as Record<string, unknown>[], 2, Object.keys((example(testCase.file) as Record<string, unknown>[])[0]!)[0]!);
    const required = Object.keys(answer[0]!).find((key) => !optionalFields(testCase.schema!).includes(key) && !/id$/i.test(key))!;
    answer[0]![required] = { not: "what the documents say" };
    const read = (await readAs(testCase, answer)) as unknown[];
    expect(read).toHaveLength(answer.length - 1);
    const notes = client.notes.take();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(required);
  });

  it("reads the GUID that the encryption calls answer as a bare value, quoted or not", async () => {
    const jwk = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "jwk" });
    const hex = (b64url: string | undefined) => Buffer.from(b64url ?? "", "base64url").toString("hex");
    const key = { ModulusHex: hex(jwk.n), ExponentHex: hex(jwk.e) };
    vendor.set(api("/agent/encrypt"), example("agent-encrypt.response.txt") as string);
    expect(await client.enableEncryption(1, { publicKey: key, passphrase: "p" })).toBe("0cee72c7-015c-493b-b5fe-a896ae444c34");
    vendor.set(api("/agent/changeencryption"), JSON.stringify(example("agent-change-encryption.response.txt")));
    expect(await client.changeEncryptionPassword(1, key, "old", "new")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("fails a single object it cannot read with a message naming the field, and no more", async () => {
    vendor.set(api("/backup/9"), { BackupId: 9 });
    const error = await client.getBackup(9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).kind).toBe("bad_response");
    expect((error as VendorError).message).toMatch(/field/);
  });
});

// ---------------------------------------------------------------------------------------------- MSP360: the simulator's answers

interface Msp360Case {
  path: string;
  read: (client: Msp360Client) => Promise<unknown>;
  schema: z.ZodType;
  /** Where the list sits in the answer ("" for a bare list). */
  listAt?: string;
}

const MSP360_CASES: Msp360Case[] = [
  { path: "/api/Monitoring", read: (c) => c.listMonitoring(), schema: M.msp360MonitoringSchema, listAt: "" },
  { path: "/api/Users", read: (c) => c.listUsers(), schema: M.msp360UserSchema, listAt: "" },
  { path: "/api/Companies", read: (c) => c.listCompanies(), schema: M.msp360CompanySchema, listAt: "" },
  { path: "/api/Computers/0/1000", read: (c) => c.listComputers(0, 1000), schema: M.msp360ComputerSchema, listAt: "Computers" },
  { path: "/api/Billing", read: (c) => c.getBilling(), schema: M.msp360BillingStatisticSchema, listAt: "StatisticBilling" },
  { path: "/api/Licenses", read: (c) => c.listLicenses(), schema: M.msp360LicenseSchema, listAt: "" },
  { path: "/api/Packages", read: (c) => c.listPackages(), schema: M.msp360PackageSchema, listAt: "" },
  { path: "/api/Accounts", read: (c) => c.listAccounts(), schema: M.msp360AccountSchema, listAt: "" },
  { path: "/api/Administrators", read: (c) => c.listAdministrators(), schema: M.msp360AdministratorSchema, listAt: "" },
];

describe("MSP360: the simulator's answers, and mutated copies", () => {
  let sim: StartedSimulator;
  let vendor: Awaited<ReturnType<typeof scriptedVendor>>;
  let client: Msp360Client;
  const recorded = new Map<string, Json>();

  beforeAll(async () => {
    sim = await startMsp360({ seed: 11, endpoints: 12 });
    for (const testCase of MSP360_CASES) {
      const answer = await sim.client.call("GET", testCase.path.slice(1));
      expect(answer.status).toBe(200);
      recorded.set(testCase.path, answer.body);
    }
    vendor = await scriptedVendor();
    client = new Msp360Client(runtime(vendor.url));
  });
  beforeEach(() => void client.notes.take());
  afterAll(async () => {
    await sim.close();
    await vendor.close();
  });

  const listOf = (answer: Json, at: string) => (at ? (answer as Record<string, unknown>)[at] : answer) as Record<string, unknown>[];
  async function readAs(testCase: Msp360Case, answer: Json) {
    vendor.set(testCase.path, answer);
    return testCase.read(client);
  }

  for (const mutation of MUTATIONS) {
    it.each(MSP360_CASES)(`$path with ${mutation.name} reads the same`, async (testCase) => {
      const original = withoutRaw(await readAs(testCase, recorded.get(testCase.path)));
      const mutated = withoutRaw(await readAs(testCase, mutation.change(clone(recorded.get(testCase.path)))));
      expect(mutated).toEqual(original);
      expect(client.notes.take()).toEqual([]);
    });
  }

  it.each(MSP360_CASES)("$path with null in every optional field keeps every item", async (testCase) => {
    const answer = clone(recorded.get(testCase.path));
    const items = listOf(answer, testCase.listAt!);
    for (const item of items) for (const key of optionalFields(testCase.schema)) if (key in item) item[key] = null;
    await readAs(testCase, answer);
    expect(client.notes.take()).toEqual([]);
  });

  it.each(MSP360_CASES)("$path with one broken item keeps the others and names the broken one", async (testCase) => {
    const answer = clone(recorded.get(testCase.path));
    const items = atLeast(listOf(answer, testCase.listAt!), 2, Object.keys(listOf(answer, testCase.listAt!)[0]!)[0]!);
    const required = Object.keys(items[0]!).find((key) => !optionalFields(testCase.schema).includes(key) && !/id$/i.test(key))!;
    items[0]![required] = { not: "what the documents say" };
    const read = await readAs(testCase, answer);
    const kept = Array.isArray(read) ? read : listOf(read, testCase.listAt!);
    expect(kept).toHaveLength(items.length - 1);
    const notes = client.notes.take();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(required);
  });

  it("reads a null list as empty, and an unknown user's monitoring as null", async () => {
    vendor.set("/api/Users", null);
    expect(await client.listUsers()).toEqual([]);
    vendor.set("/api/Monitoring/nobody", null);
    expect(await client.listUserMonitoring("nobody")).toBeNull();
  });
});
