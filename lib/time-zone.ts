// IANA time zone names, checked by the platform's own zone database (Intl), on the server and in the browser.

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
