// The browser's one way to call the API: JSON in, JSON out, the answer checked against the route's schema, and
// the one error shape turned into ApiError.
import type { z } from "zod";
import { errorBodySchema } from "@/lib/errors";
import { fillPath, type RouteDefinition } from "./registry";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field messages from a 422, keyed by field path, for forms. */
  fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const out: Record<string, string> = {};
    for (const item of this.details as { path?: unknown; message?: unknown }[]) {
      if (typeof item?.path === "string" && typeof item.message === "string") out[item.path] ??= item.message;
    }
    return out;
  }
}

export async function apiFetch<T = unknown>(
  path: string,
  options: { method?: string; body?: unknown; schema?: z.ZodType<T>; signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: options.method ?? "GET",
    headers: { ...(options.body !== undefined ? { "Content-Type": "application/json" } : {}), ...options.headers },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: options.signal,
    credentials: "same-origin",
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(payload);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    throw new ApiError(response.status, "http_error", `The server answered ${response.status}.`);
  }
  return options.schema ? options.schema.parse(payload) : (payload as T);
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=2` without empty values, so equal filters make equal URLs. */
export function toQueryString(params: QueryParams = {}): string {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    out[key] = String(value);
  }
  const search = new URLSearchParams(out).toString();
  return search ? `?${search}` : "";
}

type ResponseOf<D> = D extends RouteDefinition<z.ZodType, z.ZodType, z.ZodType, infer R> ? (R extends z.ZodType ? z.output<R> : undefined) : never;

/**
 * Calls a route of the registry (lib/api/registry.ts): fills its path, adds the query, sends the body, and
 * checks the answer against the route's response schema, so a server that drifts from its contract is noticed.
 */
export function callApi<D extends RouteDefinition>(
  definition: D,
  input: { params?: Record<string, string>; query?: QueryParams; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<ResponseOf<D>> {
  return apiFetch(`${fillPath(definition.path, input.params)}${toQueryString(input.query)}`, {
    method: definition.method,
    body: input.body,
    signal: input.signal,
    headers: input.headers,
    schema: definition.response as z.ZodType<ResponseOf<D>> | undefined,
  });
}
