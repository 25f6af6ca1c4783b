// How the backup API writes values: Json.NET with MicrosoftDateFormat, so dates are "\/Date(ms)\/" in the text,
// sizes are "35.3 MB" and durations are TimeSpans ("00:04:33"). The answers themselves are in http.ts.

/** A date as it sits in a response object before serialisation; `jsonResponse` adds Json.NET's escaping. */
export function toRackspaceDate(ms: number): string {
  return `/Date(${Math.round(ms)})/`;
}

export function toRackspaceDateOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : toRackspaceDate(ms);
}

/** .NET's DateTime.MinValue written by a server in US Eastern time: what the seed shows for "never". */
export const RACKSPACE_MIN_DATE = "/Date(-62135578800000)/";

/** Json.NET escapes the slashes of its date strings: "\/Date(1357817400000)\/". */
export function toWireText(body: unknown): string {
  return JSON.stringify(body).replace(/"\/Date\((-?\d+)\)\/"/g, '"\\/Date($1)\\/"');
}

const SIZE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

/** Bytes → "35.3 MB" (binary units, one decimal, no trailing ".0": "18 MB"). */
export function formatSize(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${SIZE_UNITS[unit]}`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Milliseconds → a .NET TimeSpan: "00:04:33", or "1.02:03:04" past a day. */
export function formatTimeSpan(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const clock = `${pad2(hours)}:${pad2(minutes)}:${pad2(totalSeconds % 60)}`;
  return days > 0 ? `${days}.${clock}` : clock;
}
