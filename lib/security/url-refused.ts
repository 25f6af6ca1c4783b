// The error a vendor request gets, before anything is sent, when the vendor URL policy refuses its URL.
// A module of its own so the vendor HTTP client can recognise it without loading the policy.
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
