// One error model for the whole app. Every error a person may see is an AppError: a code, the HTTP status
// that code answers with, and a message a technician can act on. The vendor layer's VendorError and the
// vault's VaultError extend it, so the API (lib/api/errors.ts) turns all of them into the one JSON shape
// `{ "error": { "code", "message", "details"? } }` without knowing where they came from.
import { z } from "zod";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** A stored secret no longer decrypts (key lost or rotated away): an admin must enter it again. */
  secret_unreadable: 409,
  /** The vendor refused the request, or does not know the object: its answer says why. */
  vendor_rejected: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  /** The vendor answered, but not with what was asked for (refused, down, credentials rejected...). */
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
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The wire shape of errors, shared by the server, the OpenAPI document and the browser. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
}
