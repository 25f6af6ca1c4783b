// IANA time zone names, checked by the platform's own zone database (Intl), on the server and in the browser.

/** Answers so far: building a DateTimeFormat costs far more than the lookup, and syncs ask for every plan. */
const known = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = known.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (known.size < 1_000) known.set(zone, valid);
  }
  return valid;
}
