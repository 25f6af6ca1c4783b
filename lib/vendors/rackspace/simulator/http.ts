// Request plumbing shared by the route modules: the Hono environment, body parsing with the seed's schemas,
// and the conversions from wire values ("true", "148325") to plain ones.
import type { Context } from "hono";
import type { z } from "zod";
import { parseRackspaceBoolean } from "../schemas";
import { reshape } from "../../tolerant";
import type { Tenant } from "./model";
import { RackspaceApiError } from "./wire";

export interface RouteEnv {
  Bindings: { forceUnauthorized: boolean; baseUrl: string };
  Variables: { tenant: Tenant };
}

export type RouteContext = Context<RouteEnv>;

export function tenantOf(c: RouteContext): Tenant {
  return c.get("tenant");
}

/** Ids have passed the schemas' digit checks, so Number() is exact. */
export function toId(value: number | string): number {
  return Number(value);
}

export const toBoolean = parseRackspaceBoolean;

/** A numeric path parameter (the routes constrain them to digits). */
export function idParam(c: RouteContext, name: string): number {
  return Number(c.req.param(name));
}

/** A query parameter, matched case-insensitively like ASP.NET model binding. */
export function queryParam(c: RouteContext, name: string): string | undefined {
  for (const [key, value] of new URL(c.req.url).searchParams) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

const INVALID = "The request is invalid.";

function parseJson(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new RackspaceApiError(400, INVALID, { request: ["The request body is not valid JSON."] });
  }
}

async function readJson(c: RouteContext): Promise<unknown> {
  return parseJson(await c.req.text());
}

/** Form bodies (`MachineAgentId=1311839&LoggingLevelId=6`, the seed's log-level example) become objects. */
async function readJsonOrForm(c: RouteContext): Promise<unknown> {
  const text = await c.req.text();
  const isJson = (c.req.header("Content-Type") ?? "").includes("json") || text.trim().startsWith("{");
  return isJson ? parseJson(text) : Object.fromEntries(new URLSearchParams(text));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function invalid(field: string, message: string): RackspaceApiError {
  return new RackspaceApiError(400, INVALID, { [`request.${field}`]: [message] });
}

function parseWith<T>(raw: unknown, schema: z.ZodType<T>): T {
  // ASP.NET model binding: field names without regard to case, null as "not given", "6" as 6.
  const parsed = schema.safeParse(reshape(schema, raw));
  if (parsed.success) return parsed.data;
  const modelState: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = ["request", ...issue.path.map(String)].join(".");
    (modelState[key] ??= []).push(issue.message);
  }
  throw new RackspaceApiError(400, INVALID, modelState);
}

export async function readBody<T>(c: RouteContext, schema: z.ZodType<T>): Promise<T> {
  return parseWith(await readJson(c), schema);
}

export async function readFormBody<T>(c: RouteContext, schema: z.ZodType<T>): Promise<T> {
  return parseWith(await readJsonOrForm(c), schema);
}

/** Reads a JSON body and lets `rename` fix documented spelling variants before validation. */
export async function readBodyWith<T>(c: RouteContext, schema: z.ZodType<T>, rename: (raw: Record<string, unknown>) => void): Promise<T> {
  const raw = await readJson(c);
  if (isRecord(raw)) rename(raw);
  return parseWith(raw, schema);
}
