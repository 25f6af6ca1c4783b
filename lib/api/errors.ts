// The HTTP side of the one error model (lib/errors.ts): any error becomes the JSON error shape with its status.
import "server-only";
import { z } from "zod";
import { AppError, ERROR_STATUS, errorBody, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

export function errorResponse(code: ErrorCode, message: string, details?: unknown, headers?: Record<string, string>): Response {
  return toErrorResponse(new AppError(code, message, details, headers));
}

/** Field-level messages a form can show next to its inputs: `[{ path: "email", message: "..." }]`. */
export function zodIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    // Vendor and vault failures reach the API as answers; the log keeps what the technician does not need.
    if (error.status >= 500) logger.warn({ code: error.code, err: error.cause ?? undefined }, error.message);
    return Response.json(errorBody(error), { status: ERROR_STATUS[error.code], headers: error.headers });
  }
  if (error instanceof z.ZodError) return toErrorResponse(new AppError("validation_failed", "Some fields are invalid.", zodIssues(error)));
  logger.error({ err: error }, "unhandled error in an API route");
  return toErrorResponse(new AppError("internal", "Something went wrong on the server. The error has been logged."));
}
