// ASP.NET Web API manners: JSON bodies, `{"Message": ...}` errors, empty 200s, model binding that ignores the
// case of JSON keys and also reads form-encoded bodies.
import { z } from "zod";

const JSON_TYPE = "application/json; charset=utf-8";

/** Thrown by a route to answer with `response` at once. */
export class ApiError extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": JSON_TYPE, ...headers } });
}

/** `return Ok();` in Web API: 200 with no body. */
export function empty(): Response {
  return new Response(null, { status: 200, headers: { "Content-Length": "0" } });
}

export function message(status: number, text: string, headers: Record<string, string> = {}): Response {
  return json({ Message: text }, status, headers);
}

export function badRequest(text: string): ApiError {
  return new ApiError(message(400, text));
}

/** The newer Computers API's failure body. */
export function resultError(status: number, errorCode: number, text: string): ApiError {
  return new ApiError(json({ ErrorCode: errorCode, Message: text }, status));
}

export function objectNotFound(id: string, status = 404): ApiError {
  return resultError(status, -6, `Object "${id}" not found`);
}

export const RESULT_OK = { ResultCode: 0, ErrorMessage: "" } as const;

export function routeNotFound(url: string): Response {
  return message(404, `No HTTP resource was found that matches the request URI '${url}'.`);
}

export function methodNotAllowed(method: string): Response {
  return message(405, `The requested resource does not support http method '${method}'.`);
}

export const UNAUTHORIZED_MESSAGE = "Authorization has been denied for this request.";

function invalid(modelState: Record<string, string[]>): ApiError {
  return new ApiError(json({ Message: "The request is invalid.", ModelState: modelState }, 400));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Renames body keys to the schema's spelling, ignoring case, the way Json.NET binds them. */
function canonicalize(value: unknown, schema: z.core.$ZodType): unknown {
  const def = schema._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return canonicalize(value, (def as unknown as { innerType: z.core.$ZodType }).innerType);
    case "pipe":
      return canonicalize(value, (def as z.core.$ZodPipeDef).in);
    case "union": {
      const options = (def as z.core.$ZodUnionDef).options;
      const wanted = Array.isArray(value) ? "array" : isPlainObject(value) ? "object" : null;
      const match = wanted && options.find((option) => option._zod.def.type === wanted);
      return match ? canonicalize(value, match) : value;
    }
    case "array":
      return Array.isArray(value) ? value.map((item) => canonicalize(item, (def as z.core.$ZodArrayDef).element)) : value;
    case "object": {
      if (!isPlainObject(value)) return value;
      const shape = (def as z.core.$ZodObjectDef).shape;
      const byLowerCase = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]));
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const canonical = byLowerCase.get(key.toLowerCase());
        const fieldSchema = canonical ? shape[canonical] : undefined;
        result[canonical ?? key] = fieldSchema ? canonicalize(item, fieldSchema) : item;
      }
      return result;
    }
    default:
      return value;
  }
}

/** Reads the raw body: JSON, or form-encoded fields as strings; null when there is none. */
export async function readRawBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return null;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw invalid({ model: ["Unexpected character encountered while parsing value. Path '', line 1, position 1."] });
  }
}

/** Binds and validates a body; failures answer 400 with a Web API ModelState. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S, model = "model"): Promise<z.output<S>> {
  const raw = await readRawBody(request);
  if (raw === null) throw invalid({ [model]: ["The request body is required."] });
  const parsed = schema.safeParse(canonicalize(raw, schema));
  if (parsed.success) return parsed.data;
  const modelState: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = [model, ...issue.path.map(String)].join(".");
    (modelState[key] ??= []).push(issue.message);
  }
  throw invalid(modelState);
}

/** A query parameter, matched without regard to case (`UserID`, `userId`). */
export function queryParam(url: URL, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === wanted) return value;
  return null;
}
