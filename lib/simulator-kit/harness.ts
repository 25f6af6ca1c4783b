// Wraps a vendor world into one `(Request) => Promise<Response>` handler: strips the mount path,
// serves the control routes under `/_sim/*`, and applies the configured faults before the world answers.
import { z } from "zod";
import { SimClock } from "./clock";
import { ConnectionResetSignal, FaultInjector, faultRuleSchema, malformResponse, patchResponse, sleep } from "./faults";

/** What the harness tells a vendor about each request. */
export interface SimulatorRequestOptions {
  /** Treat the caller's token as expired (the `expire-token` fault) and answer the vendor's own 401. */
  forceUnauthorized: boolean;
  /** The absolute URL the simulator is reachable at (origin plus mount path), for links such as a service catalog. */
  baseUrl: string;
}

/** What the control routes read of a vendor's world. */
export interface WorldSummary {
  readonly clock: SimClock;
  /** A small summary for `GET /_sim/state`: counts, not the whole world. */
  describe(): Record<string, unknown>;
}

export interface SimulatorWorld extends WorldSummary {
  /**
   * Answers one vendor request (a simulator's routes, see routing.ts). `request.url` has the mount path removed,
   * so paths start with the vendor's own first segment (`/api/...`, `/v1.0/...`).
   */
  handle(request: Request, options: SimulatorRequestOptions): Promise<Response>;
}

export type SimulatorHandler = ((request: Request) => Promise<Response>) & {
  world: WorldSummary;
  faults: FaultInjector;
};

const clockBodySchema = z.union([
  z.object({ advanceMs: z.number().int().min(0) }),
  z.object({ advance: z.string().regex(/^\d+(ms|s|m|h|d)$/) }),
  z.object({ set: z.number().int().positive() }),
]);

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  return text ? JSON.parse(text) : {};
}

function badRequest(message: string, details?: unknown): Response {
  return Response.json({ error: { code: "bad_request", message, details } }, { status: 400 });
}

async function handleControl(path: string, request: Request, world: WorldSummary, faults: FaultInjector) {
  const method = request.method.toUpperCase();
  try {
    if (path === "/_sim/state" && method === "GET") {
      return Response.json({ now: new Date(world.clock.now()).toISOString(), faults: faults.list(), world: world.describe() });
    }
    if (path === "/_sim/clock") {
      if (method === "GET") return Response.json({ now: new Date(world.clock.now()).toISOString() });
      if (method === "POST") {
        const parsed = clockBodySchema.safeParse(await readJson(request));
        if (!parsed.success) return badRequest("expected {advanceMs}, {advance: '1d'} or {set: epochMs}", z.treeifyError(parsed.error));
        const body = parsed.data;
        if ("advanceMs" in body) world.clock.advance(body.advanceMs);
        else if ("advance" in body) world.clock.advance(parseDuration(body.advance));
        else world.clock.set(body.set);
        return Response.json({ now: new Date(world.clock.now()).toISOString() });
      }
    }
    if (path === "/_sim/faults") {
      if (method === "GET") return Response.json(faults.list());
      if (method === "POST") {
        const parsed = faultRuleSchema.safeParse(await readJson(request));
        if (!parsed.success) return badRequest("invalid fault rule", z.treeifyError(parsed.error));
        return Response.json(faults.add(parsed.data), { status: 201 });
      }
      if (method === "DELETE") {
        faults.clear();
        return new Response(null, { status: 204 });
      }
    }
    const one = /^\/_sim\/faults\/(\d+)$/.exec(path);
    if (one && method === "DELETE") {
      return faults.remove(Number(one[1])) ? new Response(null, { status: 204 }) : Response.json({ error: { code: "not_found", message: "no such fault" } }, { status: 404 });
    }
  } catch (error) {
    if (error instanceof SyntaxError) return badRequest("request body is not valid JSON");
    throw error;
  }
  return Response.json({ error: { code: "not_found", message: `no control route ${method} ${path}` } }, { status: 404 });
}

/**
 * Builds the handler. `basePath` is where the simulator is mounted ("" standalone, "/sim/msp360" inside the app).
 * `control: false` hides `/_sim/*` (the app mounts it separately behind an admin check).
 */
export function createSimulatorHandler(
  world: SimulatorWorld,
  options: { basePath?: string; control?: boolean; faults?: FaultInjector } = {},
): SimulatorHandler {
  const basePath = (options.basePath ?? "").replace(/\/$/, "");
  const faults = options.faults ?? new FaultInjector();
  const control = options.control ?? true;

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    let path = url.pathname;
    if (basePath) {
      if (!path.toLowerCase().startsWith(basePath.toLowerCase())) {
        return Response.json({ error: { code: "not_found", message: "outside the simulator" } }, { status: 404 });
      }
      path = path.slice(basePath.length) || "/";
    }
    if (path.startsWith("/_sim/")) {
      if (!control) return Response.json({ error: { code: "not_found", message: "control routes are not exposed here" } }, { status: 404 });
      return handleControl(path, request, world, faults);
    }

    const outcome = faults.evaluate(request.method, path);
    if (outcome.kind === "respond") return outcome.response;
    if (outcome.kind === "reset") throw new ConnectionResetSignal();
    if (outcome.delayMs > 0) await sleep(outcome.delayMs, request.signal);

    url.pathname = path;
    const inner = new Request(url, request);
    const response = await world.handle(inner, {
      forceUnauthorized: outcome.kind === "expire-token",
      baseUrl: `${url.origin}${basePath}`,
    });
    if (outcome.kind === "malformed-json") return malformResponse(response);
    if (outcome.kind === "patch") return patchResponse(response, outcome.operations);
    return response;
  };
  return Object.assign(handler, { world, faults });
}
