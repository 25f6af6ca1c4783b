// Shared by the simulator's tests: a served simulator on a fixed clock, a logged-in HTTP client, the seed's
// example bodies and the shape comparison the contract tests use.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { SimClock } from "@/lib/simulator-kit/clock";
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import { rackspaceAuthResponseSchema, type RackspaceAuthResponse } from "../schemas";
import { createRackspaceSimulator, type RackspaceSimulator, type RackspaceSimulatorOptions } from "./index";

/** Thursday 15 January 2026, noon UTC: every test world starts here so runs are reproducible. */
export const TEST_START = Date.UTC(2026, 0, 15, 12);

export interface ServedSimulator {
  sim: RackspaceSimulator;
  server: RunningSimulator;
  clock: SimClock;
  url: string;
  /** Moves simulated time through the control route, as a client of the app would. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function serve(options: RackspaceSimulatorOptions = {}): Promise<ServedSimulator> {
  const clock = options.clock ?? new SimClock(() => TEST_START);
  const sim = createRackspaceSimulator({ ...options, clock });
  const server = await serveSimulator(sim);
  return {
    sim,
    server,
    clock,
    url: server.url,
    advance: async (ms) => {
      const response = await fetch(`${server.url}/_sim/clock`, { method: "POST", body: JSON.stringify({ advanceMs: ms }) });
      if (!response.ok) throw new Error(`clock advance failed: ${response.status}`);
    },
    close: () => server.close(),
  };
}

export interface ApiResult {
  status: number;
  text: string;
  headers: Headers;
  json(): unknown;
}

export interface ApiClient {
  token: string;
  tenantId: string;
  access: RackspaceAuthResponse["access"];
  /** The cloudBackup publicURL of a region (default DFW). */
  endpoint(region?: string): string;
  request(method: string, path: string, body?: unknown, init?: { region?: string; headers?: Record<string, string> }): Promise<ApiResult>;
  get(path: string): Promise<ApiResult>;
  /** GET that must answer 200 with a body the schema accepts. */
  json<T>(path: string, schema: z.ZodType<T>): Promise<T>;
}

export async function authenticate(url: string, username = "demo", apiKey = "demo-api-key"): Promise<Response> {
  return fetch(`${url}/v2.0/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username, apiKey } } }),
  });
}

async function toResult(response: Response): Promise<ApiResult> {
  const text = await response.text();
  return { status: response.status, text, headers: response.headers, json: () => JSON.parse(text) };
}

export async function login(url: string, username = "demo", apiKey = "demo-api-key"): Promise<ApiClient> {
  const response = await authenticate(url, username, apiKey);
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const { access } = rackspaceAuthResponseSchema.parse(await response.json());
  const backup = access.serviceCatalog.find((service) => service.type === "rax:backup");
  if (!backup) throw new Error("no rax:backup service in the catalog");
  const endpoint = (region = "DFW") => {
    const found = backup.endpoints.find((candidate) => candidate.region === region);
    if (!found) throw new Error(`no ${region} endpoint`);
    return found.publicURL;
  };
  const client: ApiClient = {
    token: access.token.id,
    tenantId: access.token.tenant.id,
    access,
    endpoint,
    request: async (method, path, body, init = {}) => {
      const headers: Record<string, string> = { "X-Auth-Token": access.token.id, ...init.headers };
      let payload: string | undefined;
      if (typeof body === "string") payload = body;
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        headers["Content-Type"] ??= "application/json";
      }
      return toResult(await fetch(`${endpoint(init.region)}${path}`, { method, headers, body: payload }));
    },
    get: (path) => client.request("GET", path),
    json: async (path, schema) => {
      const result = await client.get(path);
      if (result.status !== 200) throw new Error(`GET ${path} → ${result.status} ${result.text}`);
      return schema.parse(result.json());
    },
  };
  return client;
}

const EXAMPLES_DIR = path.join(import.meta.dirname, "seed-examples");

/** A seed example body: JSON files parsed, .txt files (the bare GUID, the form body) as their trimmed text. */
export function seedExample(file: string): unknown {
  const text = readFileSync(path.join(EXAMPLES_DIR, file), "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : text.trim();
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Where `actual` does not have the example's shape: every key of an example object must be present, values
 * must have the same JSON type (null on either side is left to the schema, which decides nullability), and
 * every element of an actual array must match one of the example's elements.
 */
export function shapeMismatches(example: unknown, actual: unknown, at = "$"): string[] {
  const exampleType = jsonType(example);
  const actualType = jsonType(actual);
  if (exampleType === "null" || actualType === "null") return [];
  if (exampleType !== actualType) return [`${at}: expected ${exampleType}, got ${actualType} (${JSON.stringify(actual)?.slice(0, 60)})`];
  if (Array.isArray(example) && Array.isArray(actual)) {
    if (example.length === 0) return [];
    return actual.flatMap((item, i) => {
      const perExample = example.map((candidate) => shapeMismatches(candidate, item, `${at}[${i}]`));
      return perExample.some((problems) => problems.length === 0) ? [] : (perExample[0] ?? []);
    });
  }
  if (typeof example === "object" && typeof actual === "object" && example && actual) {
    const actualFields = new Map(Object.entries(actual));
    return Object.entries(example).flatMap(([key, value]) =>
      actualFields.has(key) ? shapeMismatches(value, actualFields.get(key), `${at}.${key}`) : [`${at}.${key}: missing`],
    );
  }
  return [];
}
