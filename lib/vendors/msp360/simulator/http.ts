// ASP.NET Web API manners: JSON bodies, `{"Message": ...}` errors, empty 200s, model binding that ignores the
// case of JSON keys and also reads form-encoded bodies.
import type { z } from "zod";
import { reshape } from "../../tolerant";

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
  // Json.NET binds field names without regard to case, reads null as "not given" and "12" as 12.
  const parsed = schema.safeParse(reshape(schema, raw));
  if (parsed.success) return parsed.data;
  const modelState: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = [model, ...issue.path.map(String)].join(".");
    (modelState[key] ??= []).push(issue.message);
  }
  throw invalid(modelState);
}
