// One error type for everything that goes wrong talking to a vendor, with a message a technician understands.
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
  | "bad_response"; // fields not as documented: the vendor changed its API

export class VendorError extends Error {
  constructor(
    readonly vendor: Vendor,
    readonly kind: VendorErrorKind,
    message: string,
    readonly details: { status?: number; vendorMessage?: string; path?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = "VendorError";
  }

  /** Whether trying again later may help (the sync engine keeps the last good data meanwhile). */
  get transient(): boolean {
    return ["rate_limited", "unavailable", "timeout", "network", "malformed"].includes(this.kind);
  }
}

const LABEL: Record<Vendor, string> = { msp360: "MSP360", rackspace: "Rackspace" };

/** What a technician reads in the UI: what failed, in words, without a stack trace. */
export function describeVendorError(error: VendorError): string {
  const who = LABEL[error.vendor];
  const said = error.details.vendorMessage ? ` (${who} said: "${error.details.vendorMessage}")` : "";
  switch (error.kind) {
    case "auth":
      return `${who} rejected the credentials: check the login and secret in Settings > Connections${said}.`;
    case "rate_limited":
      return `${who} is limiting requests; the app will try again later${said}.`;
    case "unavailable":
      return `${who} is having problems (HTTP ${error.details.status ?? "5xx"}); the app will try again${said}.`;
    case "timeout":
      return `${who} did not answer in time.`;
    case "network":
      return `${who} could not be reached: check the URL and the network (${error.message}).`;
    case "tls":
      return `The secure connection to ${who} failed: ${error.message}.`;
    case "not_found":
      return `${who} does not know this object${said}.`;
    case "rejected":
      return `${who} refused the request (HTTP ${error.details.status ?? "4xx"})${said}.`;
    case "malformed":
      return `${who} sent an answer that was cut off or garbled; the app will try again.`;
    case "bad_response":
      return `${who} answered in an unexpected form: ${error.message}.`;
    case "refused_url":
      return `Nothing was sent to ${who}: ${error.message}`;
  }
}
