// The base HTTP client every vendor client extends: one place for timeouts, retries with exponential backoff
// and jitter (honouring Retry-After), the per-connection rate limit, response validation with zod, and the
// mapping of every failure to a VendorError. Subclasses add authentication and one method per endpoint.
// Calls that start or create something are sent once: when their outcome is unclear (a timeout, a 5xx, a
// garbled answer) they fail as "outcome_unknown", for the caller to find out by reading the vendor's state.
import pRetry, { AbortError } from "p-retry";
import { z } from "zod";
import type { Vendor } from "./catalog";
import type { RateLimiter } from "./contract";
import { VendorError, VendorUrlRefusedError, type VendorErrorInfo } from "./errors";

export interface VendorHttpOptions {
  vendor: Vendor;
  timeoutMs?: number;
  /** Retries after the first attempt, for 429, 5xx, timeouts, network errors and unreadable bodies. */
  retries?: number;
  /** First backoff; doubles per retry, with jitter. */
  minBackoffMs?: number;
  /** The longest wait between tries, also the cap on a vendor's Retry-After. */
  maxBackoffMs?: number;
  limiter?: RateLimiter;
  fetch?: typeof fetch;
}

export interface RequestOptions<T> {
  /** Validates (and types) the JSON answer. Without it, the answer is not read. */
  schema?: z.ZodType<T>;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Statuses that are answers, not errors (e.g. 404 where "not found" is a normal result). */
  acceptStatus?: number[];
  signal?: AbortSignal;
  /**
   * Whether sending the call twice does no harm. Defaults to true for GET, HEAD, PUT and DELETE, false for POST.
   * A call that starts or creates something must say false: it is then never retried.
   */
  idempotent?: boolean;
  /** Reads the body as text, not JSON (answers the documents show as a bare value, such as a GUID). */
  text?: boolean;
}

export interface VendorResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The longest vendor message passed on to users. */
export const VENDOR_MESSAGE_MAX = 200;

/** A vendor's message as users may read it: one line, no control characters, length-capped. */
export function shortVendorText(text: string): string | undefined {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  if (!line) return undefined;
  return line.length > VENDOR_MESSAGE_MAX ? `${line.slice(0, VENDOR_MESSAGE_MAX - 1)}…` : line;
}

/** The message fields of the vendors' documented JSON error bodies, top level (MSP360, Rackspace backup API). */
const MESSAGE_FIELDS = ["error_description", "Message", "message", "ErrorMessage", "error"];

/**
 * The vendor's own short message from a JSON error body, or undefined. Only the documented shapes count:
 * `{Message}` / `{ErrorCode, Message}` / `{error, error_description}` (MSP360), `{Message}` (Rackspace backup
 * API) and `{"<fault>": {code, message}}` (Rackspace identity). Anything else (text, HTML, other JSON) is
 * never passed on: the answer may come from something that is not the vendor.
 */
export function vendorMessageOf(body: unknown): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of MESSAGE_FIELDS) {
    const value = record[key];
    if (typeof value === "string") return shortVendorText(`${value}${modelStateText(record.ModelState)}`);
  }
  const entries = Object.entries(record);
  if (entries.length === 1) {
    const fault = entries[0]![1] as Record<string, unknown> | null;
    if (fault && typeof fault === "object" && typeof fault.message === "string" && (fault.code === undefined || typeof fault.code === "number")) {
      return shortVendorText(fault.message);
    }
  }
  return undefined;
}

/**
 * ASP.NET Web API's per-field messages beside `Message` on a 400 (the Rackspace backup API's "The request is
 * invalid."): " NotifyRecipients: "x" is not an email address." – the field as the request names it.
 */
function modelStateText(modelState: unknown): string {
  if (!modelState || typeof modelState !== "object" || Array.isArray(modelState)) return "";
  const parts: string[] = [];
  for (const [key, messages] of Object.entries(modelState as Record<string, unknown>)) {
    const list = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === "string") : [];
    if (list.length) parts.push(`${key.replace(/^request\./, "")}: ${list.join(" ")}`);
  }
  return parts.length ? ` ${parts.join(" ")}` : "";
}

/** Errors that mean the request never reached the vendor: safe to send again even when it starts something. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ERR_INVALID_URL"]);

function classifyFetchError(vendor: Vendor, error: unknown, timedOut: boolean): VendorError {
  const refused = [error, (error as { cause?: unknown })?.cause].find((e): e is VendorUrlRefusedError => e instanceof VendorUrlRefusedError);
  if (refused) return new VendorError(vendor, "refused_url", refused.reason);
  if (timedOut) return new VendorError(vendor, "timeout", "no answer in time");
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? "";
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) return new VendorError(vendor, "tls", code);
  return new VendorError(vendor, "network", code || "connection failed", { notSent: NOT_SENT_CODES.has(code) });
}

export function zodPathMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid answer";
  const where = issue.path.length ? issue.path.join(".") : "the body";
  return `field ${where}: ${issue.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ""}`;
}

export class VendorHttpClient {
  protected readonly vendor: Vendor;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly limiter?: RateLimiter;
  private readonly fetchImpl: typeof fetch;

  constructor(options: VendorHttpOptions) {
    this.vendor = options.vendor;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.retries = options.retries ?? 3;
    this.minBackoffMs = options.minBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.limiter = options.limiter;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** One HTTP call, with retries when that is safe. `url` is absolute. */
  async send<T = undefined>(method: string, url: string, options: RequestOptions<T> = {}): Promise<VendorResponse<T>> {
    const target = new URL(url);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) target.searchParams.set(key, String(value));
    const idempotent = options.idempotent ?? method.toUpperCase() !== "POST";
    let attempt = 0;
    return pRetry(
      async () => {
        attempt++;
        try {
          return await this.once<T>(method, target, options);
        } catch (error) {
          if (!(error instanceof VendorError)) throw new AbortError(error as Error);
          // Refused for the rate or never sent: nothing happened, so even a start may go again.
          const nothingHappened = error.kind === "rate_limited" || (error.kind === "network" && error.info.notSent === true);
          if (!idempotent && !nothingHappened) throw new AbortError(onceOnly(error));
          if (error.transient && attempt <= this.retries) {
            if (error.info.retryAfterMs !== undefined) {
              await new Promise((r) => setTimeout(r, Math.min(error.info.retryAfterMs!, this.maxBackoffMs)));
            }
            throw error;
          }
          throw new AbortError(error);
        }
      },
      {
        retries: this.retries,
        factor: 2,
        minTimeout: this.minBackoffMs,
        maxTimeout: this.maxBackoffMs,
        randomize: true,
        signal: options.signal,
      },
    ).catch((error: unknown) => {
      throw error instanceof VendorError ? error : (error as { originalError?: unknown })?.originalError ?? error;
    });
  }

  private async once<T>(method: string, url: URL, options: RequestOptions<T>): Promise<VendorResponse<T>> {
    await this.limiter?.acquire();
    const headers = new Headers({ Accept: "application/json", ...options.headers });
    let body: string | undefined;
    if (options.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(options.form).toString();
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, { method, headers, body, signal, redirect: "error" });
      text = await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw new AbortError("aborted");
      throw classifyFetchError(this.vendor, error, timeout.aborted);
    }

    let parsed: unknown = undefined;
    let parseFailed = false;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parseFailed = true;
      }
    }
    const path = url.pathname;
    const accepted = response.ok || options.acceptStatus?.includes(response.status);
    if (!accepted) {
      const details: VendorErrorInfo = { status: response.status, vendorMessage: parseFailed ? undefined : vendorMessageOf(parsed), path, retryAfterMs: retryAfterMs(response.headers) };
      if (response.status === 401 || response.status === 403) throw new VendorError(this.vendor, "auth", `HTTP ${response.status} on ${path}`, details);
      if (response.status === 429 || response.status === 413) throw new VendorError(this.vendor, "rate_limited", `HTTP ${response.status} on ${path}`, details);
      if (response.status === 404) throw new VendorError(this.vendor, "not_found", `HTTP 404 on ${path}`, details);
      if (RETRY_STATUS.has(response.status)) throw new VendorError(this.vendor, "unavailable", `HTTP ${response.status} on ${path}`, details);
      throw new VendorError(this.vendor, "rejected", `HTTP ${response.status} on ${path}`, details);
    }
    if (!options.schema) return { status: response.status, data: undefined as T, headers: response.headers };
    if (options.text) return this.validate(method, path, response, options.schema, bareValue(text));
    if (parseFailed) throw new VendorError(this.vendor, "malformed", `the answer to ${path} is not valid JSON`, { status: response.status, path });
    return this.validate(method, path, response, options.schema, parsed ?? null);
  }

  private validate<T>(method: string, path: string, response: Response, schema: z.ZodType<T>, value: unknown): VendorResponse<T> {
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new VendorError(this.vendor, "bad_response", `the answer to ${method} ${path} changed shape: ${zodPathMessage(result.error)}`, { status: response.status, path });
    }
    return { status: response.status, data: result.data, headers: response.headers };
  }
}

/** A bare value answered as text: `6f3a…` or `"6f3a…"` (the documents print it unquoted, services often quote it). */
function bareValue(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value === "string") return value;
    } catch {
      // not JSON after all: the text itself is the value
    }
  }
  return trimmed;
}

/**
 * A failure of a call that is sent only once. What surely did not happen keeps its kind (the vendor refused,
 * rate-limited, or the request never left); a timeout, a 5xx, a reset connection or a garbled answer leave the
 * outcome open.
 */
function onceOnly(error: VendorError): VendorError {
  const unclear = error.kind === "timeout" || error.kind === "unavailable" || error.kind === "malformed" || error.kind === "bad_response" || (error.kind === "network" && !error.info.notSent);
  return unclear ? new VendorError(error.vendor, "outcome_unknown", `${error.detail} (sent once, not retried)`, error.info) : error;
}
