// One error model for the JSON API: `{ "error": { "code", "message", "details"? } }` with a matching status.
import { z } from "zod";
import { logger } from "@/lib/logger";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  vendor_error: 502,
  vendor_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export { errorBodySchema, type ErrorBody } from "./errors-shape";
import type { ErrorBody } from "./errors-shape";

export function errorResponse(code: ErrorCode, message: string, details?: unknown, headers?: Record<string, string>) {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return Response.json(body, { status: ERROR_STATUS[code], headers });
}

/** Field-level messages a form can show next to its inputs: `[{ path: "email", message: "..." }]`. */
export function zodIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error.code, error.message, error.details, error.headers);
  if (error instanceof z.ZodError) return errorResponse("validation_failed", "Some fields are invalid.", zodIssues(error));
  logger.error({ err: error }, "unhandled error in an API route");
  return errorResponse("internal", "Something went wrong on the server. The error has been logged.");
}
