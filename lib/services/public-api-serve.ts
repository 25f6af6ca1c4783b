// The public endpoints `GET /api/dataset/{id}` and `GET /api/widget/{id}`: the `apikey` header, the switch, the
// key's expiry and IP allow-list, 60 requests a minute per key (counted in the database, so every instance shares
// the count), the binding, then one page of data from what the sync engine stored (never a vendor call), in the
// MSPbots Public API's shapes. Every request with a known key is written to the key's usage log.
import "server-only";
import { after } from "next/server";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db, providerOf, type Db } from "@/lib/db/client";
import { Prisma } from "@/prisma/generated/sqlite/client/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientAddress } from "@/lib/auth/actor";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, RATE_LIMIT_PER_MINUTE, type PublicPage, type ResourceKind } from "@/lib/schemas/public-api";
import { FilterError } from "@/lib/public-api/grammar";
import { addressAllowed } from "@/lib/public-api/ip";
import { hashKey, looksLikeKey } from "@/lib/public-api/keys";
import type { ResourcePlan } from "@/lib/public-api/plan";
import { compileDatasetQuery, compileWidgetQuery, resolveRequestFilters } from "@/lib/public-api/query";
import { dialectFor } from "@/lib/public-api/sql";
import { ENABLED_SETTING, allowedIpsOf } from "./public-api-keys";
import { findResource, resourcePlan } from "./public-api-resources";
import { keyCustomerScope } from "./public-api-scope";

// ---------------------------------------------------------------------------------------------------------
// Answers

const INVALID_KEY = "Invalid API key in request";

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const publicError = (code: number, msg: string, status: number, headers?: Record<string, string>) => json({ code, msg, data: [] }, status, headers);
const notFoundMessage = (kind: ResourceKind) => `Can't find ${kind}`;

export async function methodNotAllowed(): Promise<Response> {
  return publicError(405, "The Public API is read-only: use GET.", 405, { Allow: "GET, HEAD" });
}

// ---------------------------------------------------------------------------------------------------------
// The rate limit: one counter per key. On PostgreSQL it is kept in the database (the table rate-limiter-flexible
// keeps for sign-in throttling too), so that every instance counts the same requests; on SQLite (one instance) in
// memory, which saves two writes per request.

/**
 * RateLimiterPrisma on PostgreSQL with one statement per request instead of its deleteMany + upsert (two Prisma
 * operations, about 7 ms per request here): the same atomic INSERT … ON CONFLICT that the library's own
 * RateLimiterPostgres uses, on the same Prisma-managed table. An expired window restarts at the request's points.
 */
class SingleStatementPrismaLimiter extends RateLimiterPrisma {
  constructor(
    private readonly client: Db,
    options: ConstructorParameters<typeof RateLimiterPrisma>[0],
  ) {
    super(options);
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const rows = await this.client.$queryRaw<{ points: number; expire: Date | null }[]>(Prisma.sql`
      INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN ${forceExpire} OR "RateLimiterFlexible"."expire" <= ${now} THEN ${points} ELSE "RateLimiterFlexible"."points" + ${points} END,
        "expire" = CASE WHEN ${forceExpire} OR "RateLimiterFlexible"."expire" <= ${now} THEN ${expire} ELSE "RateLimiterFlexible"."expire" END
      RETURNING "points", "expire"`);
    return rows[0]!;
  }
}

let limiter: { client: Db; limiter: RateLimiterAbstract } | undefined;

function rateLimiter(): RateLimiterAbstract {
  const client = db();
  if (limiter?.client !== client) {
    const options = { keyPrefix: "public-api", points: RATE_LIMIT_PER_MINUTE, duration: 60 };
    limiter = {
      client,
      limiter:
        providerOf(client) === "postgresql"
          ? new SingleStatementPrismaLimiter(client, { ...options, storeClient: client, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false })
          : new RateLimiterMemory(options),
    };
  }
  return limiter.limiter;
}

/** Counts the request; the answer says whether it is within the limit and what the headers should say. */
async function consumeRateLimit(keyId: string): Promise<{ allowed: boolean; headers: Record<string, string> }> {
  let result: RateLimiterRes;
  let allowed = true;
  try {
    result = await rateLimiter().consume(keyId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    result = error;
    allowed = false;
  }
  const reset = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return {
    allowed,
    headers: {
      "X-RateLimit-Limit": String(RATE_LIMIT_PER_MINUTE),
      "X-RateLimit-Remaining": String(Math.max(0, result.remainingPoints)),
      "X-RateLimit-Reset": String(reset),
      ...(allowed ? {} : { "Retry-After": String(reset) }),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Data

export class PublicRequestError extends Error {}

function pageParameter(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const value = params.get(name);
  if (value === null || value.trim() === "") return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < 1 || number > max) {
    throw new PublicRequestError(`${name} must be a whole number from 1${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ""}; got "${value}".`);
  }
  return number;
}

/**
 * One page of a dataset or widget as the Public API answers it, filtered by the request's parameters and the
 * customer scope. Throws FilterError or PublicRequestError for parameters it cannot use.
 */
export async function queryResource(plan: ResourcePlan, params: URLSearchParams, scope: string[] | null, now = new Date()): Promise<PublicPage> {
  const current = pageParameter(params, "current", 1, Number.MAX_SAFE_INTEGER);
  const size = pageParameter(params, "size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const filters = resolveRequestFilters(
    plan,
    [...params.entries()].filter(([name]) => name !== "current" && name !== "size"),
  );
  const client = db();
  const ctx = { d: dialectFor(providerOf(client)), now };
  const request = { filters, scope, current, size };
  const compiled = plan.kind === "dataset" ? compileDatasetQuery(plan, request, ctx) : compileWidgetQuery(plan, request, ctx);
  const provider = providerOf(client);
  const readRows = () => client.$queryRaw<Record<string, unknown>[]>(compiled.rows);
  const readCount = async () => Number((await client.$queryRaw<{ n: unknown }[]>(compiled.count!))[0]?.n ?? 0);
  let rows: Record<string, unknown>[];
  let total: number;
  if (!compiled.count) {
    // A widget without groups: its one row (if a measure filter keeps it) is page 1.
    rows = await readRows();
    total = rows.length;
    if (current !== 1) rows = [];
  } else if (compiled.windowTotal) {
    rows = await readRows();
    total = rows.length ? Number(rows[0]!.total) : current === 1 ? 0 : await readCount();
  } else if (provider === "postgresql") {
    // A pool runs both at once.
    [rows, total] = await Promise.all([readRows(), readCount()]);
  } else {
    // SQLite runs one statement at a time: skip the count when the page itself shows the total.
    rows = await readRows();
    const offset = (current - 1) * size;
    total = rows.length > 0 && rows.length < size ? offset + rows.length : current === 1 && rows.length === 0 ? 0 : await readCount();
  }
  const data = compiled.read(rows);
  return { code: 0, msg: "success", data, total, size, current, orders: [], hitCount: false, searchCount: true, pages: Math.ceil(total / size) };
}

// ---------------------------------------------------------------------------------------------------------
// The usage log, written after the answer has gone out (Next's `after`), so that it costs the caller nothing.

let lastPrune = 0;
const pending = new Set<Promise<void>>();

/** Runs work after the response; outside a request (tests, benchmarks) right away, tracked so it can be awaited. */
function afterResponse(work: () => Promise<void>): void {
  try {
    after(work);
  } catch {
    const promise = work().finally(() => pending.delete(promise));
    pending.add(promise);
  }
}

/** Resolves when usage-log writes started outside a request have finished (tests read the log right after a call). */
export async function usageLogSettled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

function logRequest(entry: { keyId: string; kind: ResourceKind; resourceId: string; status: number; outcome: string; ip?: string; started: number; rows?: number; touchKey?: boolean }) {
  const durationMs = Math.round(performance.now() - entry.started);
  afterResponse(async () => {
    const client = db();
    try {
      await client.publicApiRequest.create({
        data: {
          keyId: entry.keyId,
          resourceType: entry.kind,
          resourceId: entry.resourceId.slice(0, 100),
          status: entry.status,
          outcome: entry.outcome,
          ip: entry.ip ?? null,
          durationMs,
          rows: entry.rows ?? null,
        },
      });
      if (entry.touchKey) await client.publicApiKey.updateMany({ where: { id: entry.keyId }, data: { lastUsedAt: new Date(), lastUsedIp: entry.ip ?? null } });
      // At most once an hour per instance: drop what is past the retention.
      if (Date.now() - lastPrune > 3_600_000) {
        lastPrune = Date.now();
        await client.publicApiRequest.deleteMany({ where: { at: { lt: new Date(Date.now() - env().PUBLIC_API_LOG_DAYS * 86_400_000) } } });
      }
    } catch (error) {
      // The log must not break the API (the key may have been removed a moment ago).
      logger.warn({ err: error }, "could not write the Public API usage log");
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// The request

interface KeyLookup {
  id: string;
  customerId: string | null;
  expiresAt: Date | null;
  allowedIps: string[];
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  /** The Enable Public API switch. */
  enabled: boolean;
  /** Whether the key is bound to the requested resource. */
  bound: boolean;
}

const toDate = (value: unknown) => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));

/** The key by its hash, with the switch and its binding to the resource: one round trip on every request. */
async function findKey(keyHash: string, kind: ResourceKind, resourceId: string): Promise<KeyLookup | null> {
  const rows = await db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT k."id", k."customerId", k."expiresAt", k."allowedIps", k."lastUsedAt", k."lastUsedIp",
      (SELECT s."value" FROM "AppSetting" s WHERE s."key" = ${ENABLED_SETTING}) AS "enabled",
      (SELECT COUNT(*) FROM "PublicApiBinding" b WHERE b."keyId" = k."id" AND b."resourceType" = ${kind} AND b."resourceId" = ${resourceId}) AS "bound"
    FROM "PublicApiKey" k WHERE k."keyHash" = ${keyHash}`);
  const row = rows[0];
  if (!row) return null;
  const ips: unknown = typeof row.allowedIps === "string" ? JSON.parse(row.allowedIps) : row.allowedIps;
  return {
    id: String(row.id),
    customerId: (row.customerId as string | null) ?? null,
    expiresAt: toDate(row.expiresAt),
    allowedIps: allowedIpsOf({ allowedIps: ips }),
    lastUsedAt: toDate(row.lastUsedAt),
    lastUsedIp: (row.lastUsedIp as string | null) ?? null,
    enabled: row.enabled === "true",
    bound: Number(row.bound) > 0,
  };
}

export async function servePublicRequest(kind: ResourceKind, request: Request, resourceId: string): Promise<Response> {
  const started = performance.now();
  const secret = request.headers.get("apikey");
  if (!looksLikeKey(secret)) return json({ message: INVALID_KEY }, 401);
  const key = await findKey(hashKey(secret), kind, resourceId);
  if (!key) return json({ message: INVALID_KEY }, 401);
  const { enabled, bound } = key;

  const ip = clientAddress(request.headers);
  // Last use, to the minute: one write per key and minute at most.
  const touchKey = !key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000 || key.lastUsedIp !== (ip ?? null);
  const log = (status: number, outcome: string, rows?: number) => logRequest({ keyId: key.id, kind, resourceId, status, outcome, ip, started, rows, touchKey });

  // With the switch off or the key expired, no key works: the same answer as a wrong key.
  if (!enabled) {
    log(401, "disabled");
    return json({ message: INVALID_KEY }, 401);
  }
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
    log(401, "expired");
    return json({ message: INVALID_KEY }, 401);
  }
  if (!addressAllowed(ip, key.allowedIps)) {
    log(403, "ip_denied");
    return json({ message: "This API key may not be used from your address." }, 403);
  }
  const rate = await consumeRateLimit(key.id);
  if (!rate.allowed) {
    log(429, "rate_limited");
    return publicError(429, `Rate limit exceeded: ${RATE_LIMIT_PER_MINUTE} requests per minute per API key. Retry after ${rate.headers["Retry-After"]} seconds.`, 429, rate.headers);
  }

  const resource = /^(ds|wg)_[a-z0-9_]{3,60}$/.test(resourceId) ? await findResource(kind, resourceId) : null;
  let plan: ResourcePlan | null;
  try {
    plan = resource ? await resourcePlan(resource) : null;
  } catch (error) {
    // A stored definition the current code no longer accepts: an admin has to fix it.
    logger.error({ err: error, resourceId }, "Public API resource cannot be planned");
    log(500, "error");
    return publicError(500, `This ${kind} cannot be served as it is defined; ask your provider to check it.`, 500, rate.headers);
  }
  if (!plan) {
    log(404, "not_found");
    return json({ code: -1, msg: notFoundMessage(kind), data: [] }, 404, rate.headers);
  }
  if (!bound) {
    log(403, "unbound");
    return json({ code: 500, msg: "The resourceId is invalid.", data: [] }, 403, rate.headers);
  }

  try {
    const page = await queryResource(plan, new URL(request.url).searchParams, await keyCustomerScope(key));
    log(200, "ok", page.data.length);
    return json(page, 200, rate.headers);
  } catch (error) {
    if (error instanceof FilterError || error instanceof PublicRequestError) {
      log(400, "bad_request");
      return publicError(400, error.message, 400, rate.headers);
    }
    logger.error({ err: error, resourceId }, "Public API query failed");
    log(500, "error");
    return publicError(500, "Something went wrong on the server. The error has been logged.", 500, rate.headers);
  }
}
