// One error type for everything that goes wrong talking to a vendor. It is an AppError (lib/errors.ts), so the
// API answers it in the one error shape; its message is what a technician reads, in words, with what to do.
// The technical detail (HTTP status, path, the vendor's own short message) stays in `detail` and `info`.
import { AppError } from "@/lib/errors";
import type { Vendor } from "./catalog";

export type VendorErrorKind =
  | "auth" // credentials rejected, or a token the vendor no longer accepts
  | "rate_limited" // 429 (or Rackspace's 413) after retries
  | "unavailable" // 5xx after retries
  | "timeout" // no answer in time
  | "network" // unreachable host, refused or reset connection, DNS
  | "tls" // certificate problems
  | "not_found" // the vendor has no such object
  | "rejected" // another 4xx: the vendor refused the request
  | "malformed" // a body that is not valid JSON (cut off on the way): worth another try
  | "refused_url" // the app does not send requests (or the secret) there: URL policy, or a URL changed without the secret
  | "bad_response" // fields not as documented: the vendor changed its API
  | "outcome_unknown"; // a call that starts or creates something got no clear answer: it may or may not have happened

export interface VendorErrorInfo {
  status?: number;
  /** The vendor's own short message field from its error body (never a raw body). */
  vendorMessage?: string;
  path?: string;
  retryAfterMs?: number;
  /** A network failure before anything was sent (refused, unknown host): safe to send again. */
  notSent?: boolean;
}

const LABEL: Record<Vendor, string> = { msp360: "MSP360", rackspace: "Rackspace" };

export class VendorError extends AppError {
  constructor(
    readonly vendor: Vendor,
    readonly kind: VendorErrorKind,
    /** For logs and tests: what exactly failed ("HTTP 503 on /api/Users"). */
    readonly detail: string,
    readonly info: VendorErrorInfo = {},
  ) {
    super(kind === "timeout" ? "vendor_timeout" : kind === "rejected" || kind === "not_found" ? "vendor_rejected" : "vendor_error", describe(vendor, kind, detail, info), { vendor, kind });
    this.name = "VendorError";
  }

  /** Whether trying again later may help (the sync engine keeps the last good data meanwhile). */
  get transient(): boolean {
    return ["rate_limited", "unavailable", "timeout", "network", "malformed"].includes(this.kind);
  }
}

function describe(vendor: Vendor, kind: VendorErrorKind, detail: string, info: VendorErrorInfo): string {
  const who = LABEL[vendor];
  const said = info.vendorMessage ? ` (${who} said: "${info.vendorMessage}")` : "";
  switch (kind) {
    case "auth":
      return `${who} rejected the credentials: check the login and secret in Settings > Connections${said}.`;
    case "rate_limited":
      return `${who} is limiting requests; the app will try again later${said}.`;
    case "unavailable":
      return `${who} is having problems (HTTP ${info.status ?? "5xx"}); the app will try again${said}.`;
    case "timeout":
      return `${who} did not answer in time.`;
    case "network":
      return `${who} could not be reached: check the URL and the network (${detail}).`;
    case "tls":
      return `The secure connection to ${who} failed: check the URL and the server's certificate.`;
    case "not_found":
      return `${who} does not know this object${said}.`;
    case "rejected":
      return `${who} refused the request${said || ` (HTTP ${info.status ?? "4xx"})`}.`;
    case "malformed":
      return `${who} sent an answer that was cut off or garbled; the app will try again.`;
    case "bad_response":
      return `${who} answered in an unexpected form: ${detail}.`;
    case "outcome_unknown":
      return `${who} gave no clear answer, so it is not known whether this happened; the app checks the vendor's state instead of sending it again.`;
    case "refused_url":
      return `Nothing was sent to ${who}: ${detail}`;
  }
}

/**
 * What a vendor request fails with, before anything is sent, when the app's vendor URL policy (lib/security)
 * refuses its URL. Defined here so that the vendor HTTP client recognises it without knowing the policy.
 */
export class VendorUrlRefusedError extends Error {
  readonly code = "EVENDORURL";
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "VendorUrlRefusedError";
  }
}

/** What a technician reads in the UI: what failed, in words, without a stack trace. */
export function describeVendorError(error: VendorError): string {
  return error.message;
}
