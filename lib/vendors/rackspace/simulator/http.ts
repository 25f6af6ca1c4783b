// ASP.NET Web API manners of the backup API: Json.NET answers, `{"Message": ...}` errors (with a ModelState for
// invalid bodies), model binding that ignores the case of JSON keys and also reads form bodies, and the
// conversions from wire values ("true", "148325") to plain ones.
import type { z } from "zod";
import { parseRackspaceBoolean } from "../schemas";
import { reshape } from "../../tolerant";
import { toWireText } from "./format";

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(toWireText(body), { status, headers: { "Content-Type": JSON_CONTENT_TYPE, ...headers } });
}

/** A success without a body: 204, or 200 with an empty body where the seed documents 200. */
export function emptyResponse(status: 200 | 204): Response {
  return new Response(status === 204 ? null : "", { status });
}

export function errorResponse(status: number, message: string, modelState?: Record<string, string[]>): Response {
  return jsonResponse(modelState ? { Message: message, ModelState: modelState } : { Message: message }, status);
}

/** Domain failures thrown by the world and the routes, answered as `{"Message": ...}`. */
export class RackspaceApiError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
    /** Per-field messages for 400s, like ASP.NET's ModelState. */
    readonly modelState?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export function routeNotFound(uri: string): Response {
  return errorResponse(404, `No HTTP resource was found that matches the request URI '${uri}'.`);
}

/** The backup API's answer to a missing, unknown or expired token (our choice: ASP.NET's [Authorize] message). */
export function unauthorized(): Response {
  return jsonResponse({ Message: "Authorization has been denied for this request." }, 401, {
    "WWW-Authenticate": 'Keystone uri="https://identity.api.rackspacecloud.com/"',
  });
}

/** Ids have passed the schemas' digit checks, so Number() is exact. */
export function toId(value: number | string): number {
  return Number(value);
}

export const toBoolean = parseRackspaceBoolean;

/** A numeric path parameter (the routes constrain them to digits with `{name:int}`). */
export function idParam(params: Readonly<Record<string, string>>, name: string): number {
  return Number(params[name]);
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

async function readJson(request: Request): Promise<unknown> {
  return parseJson(await request.text());
}

/** Form bodies (`MachineAgentId=1311839&LoggingLevelId=6`, the seed's log-level example) become objects. */
async function readJsonOrForm(request: Request): Promise<unknown> {
  const text = await request.text();
  const isJson = (request.headers.get("Content-Type") ?? "").includes("json") || text.trim().startsWith("{");
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

export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  return parseWith(await readJson(request), schema);
}

export async function readFormBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  return parseWith(await readJsonOrForm(request), schema);
}

/** Reads a JSON body and lets `rename` fix documented spelling variants before validation. */
export async function readBodyWith<T>(request: Request, schema: z.ZodType<T>, rename: (raw: Record<string, unknown>) => void): Promise<T> {
  const raw = await readJson(request);
  if (isRecord(raw)) rename(raw);
  return parseWith(raw, schema);
}
