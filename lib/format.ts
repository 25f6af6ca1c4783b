// Formatting for the data pages: sizes, numbers, durations, money and dates, in the user's locale and time zone.
import { format, formatDistanceToNowStrict } from "date-fns";

const numberFormat = new Intl.NumberFormat(undefined);
const SIZE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

/** 1,234,567 (locale separators); "—" when unknown. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return numberFormat.format(value);
}

/**
 * Sizes in decimal units (1 GB = 10^9 bytes), as the vendors bill them and as the CSV export's storage_gb column is.
 * "—" when unknown.
 */
export function formatBytes(bytes: number | null | undefined, { fractionDigits }: { fractionDigits?: number } = {}): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "—";
  if (bytes === 0) return "0 B";
  const negative = bytes < 0;
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = fractionDigits ?? (unit === 0 ? 0 : value >= 100 ? 0 : value >= 10 ? 1 : 2);
  const text = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${negative ? "-" : ""}${text} ${SIZE_UNITS[unit]}`;
}

/** "42 s", "12 min 5 s", "3 h 4 min", "2 d 5 h"; "—" when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return s % 60 ? `${minutes} min ${s % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

const moneyFormat = new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" });

/** Vendor costs are reported in US dollars. "—" when the vendor reports none. */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return moneyFormat.format(value);
}

// Dates: one format everywhere, in the user's locale (Intl), in the browser's time zone unless a `timeZone` (IANA
// name, e.g. "Europe/Berlin") is given: the per-user time zone is passed through here.
export interface DateFormatOptions {
  timeZone?: string;
  /** Adds seconds (the audit log, exact instants on hover). */
  seconds?: boolean;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let formatter = dateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, options);
    dateFormats.set(key, formatter);
  }
  return formatter;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The app's one date-and-time format, e.g. "Nov 25, 2026, 2:30 PM" (en-US) or "25 Nov 2026, 14:30" (en-GB); "—" when unknown. */
export function formatDateTime(value: string | Date | null | undefined, { timeZone, seconds }: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return "—";
  return dateFormat({ year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), timeZone }).format(date);
}

/** Kept for callers in tables: the same format as formatDateTime, so dates read alike everywhere. */
export function formatShortDateTime(value: string | Date | null | undefined, options: DateFormatOptions = {}): string {
  return formatDateTime(value, options);
}

/** A calendar date alone, e.g. "Wed, Nov 25, 2026". */
export function formatDate(value: string | Date | null | undefined, { timeZone }: Pick<DateFormatOptions, "timeZone"> = {}): string {
  const date = toDate(value);
  if (!date) return "—";
  return dateFormat({ weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone }).format(date);
}

/** A time of day alone, e.g. "2:30 PM" or "14:30:05" with seconds. */
export function formatTime(value: string | Date | null | undefined, { timeZone, seconds }: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return "—";
  return dateFormat({ hour: "numeric", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), timeZone }).format(date);
}

/** "3 hours ago", "in 5 minutes", "just now"; `fallback` when unknown. */
export function formatRelative(value: string | Date | null | undefined, fallback = "—"): string {
  const date = toDate(value);
  if (!date) return fallback;
  return Math.abs(Date.now() - date.getTime()) < 45_000 ? "just now" : formatDistanceToNowStrict(date, { addSuffix: true });
}

/** "May 2026" for a "2026-05" period. */
export function formatPeriod(period: string): string {
  const [year, month] = period.split("-").map(Number);
  if (!year || !month) return period;
  return dateFormat({ year: "numeric", month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** A share (0–1) as "92.5 %" in the user's locale; "—" when unknown. */
export function formatPercent(value: number | null | undefined, fractionDigits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value);
}

/** The current month as "YYYY-MM" in the user's time zone. */
export function currentMonth(now = new Date()): string {
  return format(now, "yyyy-MM");
}

/** Start and end of a local calendar day ("YYYY-MM-DD") as ISO instants, for the API's from/to. */
export function localDayBounds(day: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return { from: new Date(y, m - 1, d, 0, 0, 0, 0).toISOString(), to: new Date(y, m - 1, d, 23, 59, 59, 999).toISOString() };
}

/** Replaces ISO timestamps inside a server message with the user's local time ("since 2026-05-03T10:00:00.000Z"). */
export function localizeTimestamps(text: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g, (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatDateTime(date);
  });
}

/** "1 customer", "12 customers" (with locale separators). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}
