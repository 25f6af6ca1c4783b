// Time units and the date/duration formats MBS prints.

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** .NET DateTime without a zone, trailing zeros of the fraction dropped: "2025-03-19T10:26:47.703", "2018-05-11T14:50:57". */
export function formatDate(epochMs: number): string {
  const [seconds, millis = ""] = new Date(epochMs).toISOString().slice(0, -1).split(".");
  const fraction = millis.replace(/0+$/, "");
  return fraction ? `${seconds}.${fraction}` : `${seconds}`;
}

/** RFC 1123, as the login answer's `.issued`/`.expires`: "Sat, 28 Apr 2018 13:50:43 GMT". */
export function formatRfc1123(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}

/** MBS's duration text: "15 second(s)", "3 minute(s) 20 second(s)", "1 hour(s) 3 minute(s)", "1 day(s) 2 hour(s)". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / SECOND));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} day(s) ${hours} hour(s)`;
  if (hours > 0) return `${hours} hour(s) ${minutes} minute(s)`;
  if (minutes > 0) return `${minutes} minute(s) ${seconds} second(s)`;
  return `${seconds} second(s)`;
}

/** The UTC calendar month holding `epochMs`: [start, end). */
export function monthOf(epochMs: number): { start: number; end: number; index: number } {
  const date = new Date(epochMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1), index: year * 12 + month };
}
