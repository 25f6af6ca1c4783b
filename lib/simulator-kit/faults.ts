// Faults on demand: each rule matches a route pattern and disturbs the answers to it,
// so the app's timeouts, retries and stale-data handling can be tested against real HTTP.
import { z } from "zod";

/** Patterns longer than any real route are refused: every request is matched against every rule. */
export const MAX_ROUTE_PATTERN_LENGTH = 200;

/**
 * One change to a JSON answer, at a JSON Pointer path ("/0/CurrentState", "" for the whole answer):
 * replace or add a value, remove a field, or lower-case every field name below the path.
 */
export const patchOperationSchema = z.object({
  op: z.enum(["replace", "add", "remove", "lowercase-keys"]),
  path: z.string().max(500).regex(/^(\/[^/]*)*$/, "a JSON Pointer such as /0/Status"),
  value: z.unknown().optional(),
});
export type PatchOperation = z.infer<typeof patchOperationSchema>;

export const faultRuleSchema = z.object({
  /** A path pattern: `*` matches any run of characters, e.g. `/api/Computers*` or `*\/agent/*`. Case-insensitive. */
  route: z.string().min(1).max(MAX_ROUTE_PATTERN_LENGTH).default("*"),
  method: z.string().optional(),
  kind: z.enum(["latency", "error", "rate-limit", "expire-token", "malformed-json", "hang", "reset", "patch"]),
  /** Share of matching requests hit, 0..1. */
  rate: z.number().min(0).max(1).default(1),
  /** latency: added delay; hang: how long to wait before answering (default: until the client gives up). */
  delayMs: z.number().int().min(0).max(600_000).optional(),
  /** error: the HTTP status to answer with. */
  status: z.number().int().min(400).max(599).default(503),
  /** rate-limit: the Retry-After seconds to send. */
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** Stop after this many hits (a burst); unlimited when absent. */
  count: z.number().int().positive().optional(),
  /** patch: how to bend the JSON answer, as real services do (odd spellings, nulls, a broken item). */
  operations: z.array(patchOperationSchema).max(50).optional(),
});

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema> & { id: number; hits: number };

/** Thrown by a handler to ask the HTTP runner to drop the connection without answering. */
export class ConnectionResetSignal extends Error {
  constructor() {
    super("simulated connection reset");
  }
}

/**
 * Whether `path` matches `pattern` (`*` = any run of characters, case-insensitive). A greedy matcher that only
 * ever returns to the last star: time at most pattern × path length, never the exponential blow-up a regular
 * expression built from many stars can have.
 */
export function globMatches(pattern: string, path: string): boolean {
  const p = pattern.toLowerCase();
  const s = path.toLowerCase();
  let pi = 0;
  let si = 0;
  let star = -1;
  let resume = 0;
  while (si < s.length) {
    if (pi < p.length && p[pi] !== "*" && p[pi] === s[si]) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === "*") {
      star = pi++;
      resume = si;
    } else if (star !== -1) {
      pi = star + 1;
      si = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === "*") pi++;
  return pi === p.length;
}

export type FaultOutcome =
  | { kind: "pass"; delayMs: number }
  | { kind: "respond"; response: Response }
  | { kind: "expire-token"; delayMs: number }
  | { kind: "malformed-json"; delayMs: number }
  | { kind: "patch"; delayMs: number; operations: PatchOperation[] }
  | { kind: "reset" };

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...faultRuleSchema.parse(input), id: this.nextId++, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return [...this.rules];
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /** Decides what happens to one request. `path` is the pathname inside the simulator. */
  evaluate(method: string, path: string): FaultOutcome {
    let delayMs = 0;
    let tokenExpired = false;
    let malformed = false;
    const operations: PatchOperation[] = [];
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!globMatches(rule.route, path)) continue;
      if (rule.count !== undefined && rule.hits >= rule.count) continue;
      if (this.random() >= rule.rate) continue;
      rule.hits++;
      switch (rule.kind) {
        case "latency":
          delayMs += rule.delayMs ?? 1000;
          break;
        case "hang":
          delayMs += rule.delayMs ?? 600_000;
          break;
        case "error":
          return {
            kind: "respond",
            response: Response.json(
              { message: `Simulated fault: HTTP ${rule.status}` },
              { status: rule.status },
            ),
          };
        case "rate-limit":
          return {
            kind: "respond",
            response: Response.json(
              { message: "Simulated fault: too many requests" },
              { status: 429, headers: { "Retry-After": String(rule.retryAfterSeconds) } },
            ),
          };
        case "expire-token":
          tokenExpired = true;
          break;
        case "malformed-json":
          malformed = true;
          break;
        case "reset":
          return { kind: "reset" };
        case "patch":
          operations.push(...(rule.operations ?? []));
          break;
      }
    }
    if (tokenExpired) return { kind: "expire-token", delayMs };
    if (malformed) return { kind: "malformed-json", delayMs };
    if (operations.length) return { kind: "patch", delayMs, operations };
    return { kind: "pass", delayMs };
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Cuts a JSON body in half, the way a proxy that drops a connection mid-body would. */
export async function malformResponse(response: Response): Promise<Response> {
  const text = await response.text();
  const broken = text.length > 2 ? text.slice(0, Math.floor(text.length / 2)) : "{";
  return new Response(broken, { status: response.status, headers: response.headers });
}

const unescapePointer = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

function lowercaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowercaseKeys);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.charAt(0).toLowerCase() + key.slice(1), lowercaseKeys(item)]));
}

/** Applies patch operations to a JSON value; an operation whose path does not exist is skipped. */
export function applyPatch(document: unknown, operations: readonly PatchOperation[]): unknown {
  let root = document;
  for (const { op, path, value } of operations) {
    const segments = path === "" ? [] : path.slice(1).split("/").map(unescapePointer);
    if (segments.length === 0) {
      root = op === "lowercase-keys" ? lowercaseKeys(root) : op === "remove" ? null : value;
      continue;
    }
    let parent: unknown = root;
    for (const segment of segments.slice(0, -1)) parent = parent && typeof parent === "object" ? (parent as Record<string, unknown>)[segment] : undefined;
    if (!parent || typeof parent !== "object") continue;
    const container = parent as Record<string, unknown>;
    const key = segments[segments.length - 1]!;
    if (op === "remove") delete container[key];
    else if (op === "lowercase-keys") container[key] = lowercaseKeys(container[key]);
    else if (op === "add" || key in container) container[key] = value;
  }
  return root;
}

/** The answer with the operations applied (a body that is not JSON passes unchanged). */
export async function patchResponse(response: Response, operations: readonly PatchOperation[]): Promise<Response> {
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new Response(text, { status: response.status, headers: response.headers });
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(applyPatch(parsed, operations)), { status: response.status, headers });
}
