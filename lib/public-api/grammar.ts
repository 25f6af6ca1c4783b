// The Public API's filter grammar (the MSPbots table), per field type, parsed into conditions that the SQL layer
// turns into WHERE clauses. Pure: no database, no clock except what the caller passes.
//
//   value            TEXT       NUMBER            BOOLEAN   DATE / DATETIME
//   (empty)          is empty   is empty          is empty  is empty
//   x                contains   equals            equals    later than or equal (>= x)
//   a,               contains   >= a              -         >= a
//   ,b               contains   <= b              -         <= b
//   a,b              contains   a <= v <= b       -         a <= v <= b
//   a,b,c,d,...      contains   intervals ORed    -         intervals ORed
//   a,b,c            contains   [a,b] or = c      -         [a,b] or >= c
//
// TEXT takes the whole value, commas included. A date-only bound on a DATETIME column covers the whole day (UTC).
import type { FieldType } from "@/lib/schemas/public-api";

export class FilterError extends Error {}

/** A bound on NUMBER (number), DATE ("YYYY-MM-DD") or DATETIME (Date) values. */
export interface Bound {
  value: number | string | Date;
  inclusive: boolean;
}
export interface Interval {
  lower?: Bound;
  upper?: Bound;
}

export type Condition =
  | { kind: "empty" }
  | { kind: "not_empty" }
  | { kind: "contains"; text: string }
  | { kind: "equals"; value: boolean | number }
  /** TEXT only: exact match with one of the values. */
  | { kind: "one_of"; values: string[] }
  /** Any interval, or any value in `equals` (NUMBER), matches. */
  | { kind: "any"; intervals: Interval[]; equals: number[] };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string, column: string): number {
  const value = Number(text);
  if (!NUMBER.test(text) || !Number.isFinite(value)) throw new FilterError(`"${text}" is not a number (column "${column}"). Use digits with an optional "." for decimals, e.g. 12.6.`);
  return value;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2}| \d{2}:?\d{2})?$/i;

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "YYYY-MM-DD", checked against the calendar. */
export function parseDate(text: string, column: string): string {
  const match = DATE.exec(text);
  if (!match || !validDay(+match[1]!, +match[2]!, +match[3]!)) throw new FilterError(`"${text}" is not a date (column "${column}"). Use YYYY-MM-DD, e.g. 2024-07-01.`);
  return text;
}

/** A DATETIME value: a whole day ("YYYY-MM-DD") or an instant ("YYYY-MM-DDTHH:mm[:ss[.fff]][Z|±hh:mm]", UTC when no zone). */
export function parseDateTime(text: string, column: string): { day: string } | { instant: Date } {
  if (DATE.test(text)) return { day: parseDate(text, column) };
  const match = DATETIME.exec(text);
  const fail = () => new FilterError(`"${text}" is not a date or time (column "${column}"). Use YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss, with Z or an offset such as +02:00 (UTC when none).`);
  if (!match) throw fail();
  const [, y, mo, d, h, mi, s] = match;
  if (!validDay(+y!, +mo!, +d!) || +h! > 23 || +mi! > 59 || (s !== undefined && +s > 59)) throw fail();
  // In a query string "+" arrives as a space: " 02:00" is the offset "+02:00".
  let zone = match[8]?.trim() ?? "Z";
  if (/^\d/.test(zone)) zone = `+${zone}`;
  if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const fraction = (match[7] ?? "0").padEnd(3, "0").slice(0, 3);
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}.${fraction}${zone.toUpperCase()}`);
  if (Number.isNaN(instant.getTime())) throw fail();
  return { instant };
}

export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

function lowerBound(text: string, type: FieldType, column: string): Bound {
  if (type === "NUMBER") return { value: parseNumber(text, column), inclusive: true };
  if (type === "DATE") return { value: parseDate(text, column), inclusive: true };
  const parsed = parseDateTime(text, column);
  return { value: "day" in parsed ? dayStart(parsed.day) : parsed.instant, inclusive: true };
}

function upperBound(text: string, type: FieldType, column: string): Bound {
  if (type === "NUMBER") return { value: parseNumber(text, column), inclusive: true };
  if (type === "DATE") return { value: parseDate(text, column), inclusive: true };
  const parsed = parseDateTime(text, column);
  // "until 2024-07-01" includes that whole day.
  return "day" in parsed ? { value: dayStart(nextDay(parsed.day)), inclusive: false } : { value: parsed.instant, inclusive: true };
}

const comparable = (bound: Bound) => (bound.value instanceof Date ? bound.value.getTime() : bound.value);

function interval(lowerText: string, upperText: string, type: FieldType, column: string, raw: string): Interval {
  if (lowerText === "" && upperText === "") throw new FilterError(`"${raw}" has an interval with neither bound (column "${column}"). Write a value on at least one side of the comma.`);
  const result: Interval = {};
  if (lowerText !== "") result.lower = lowerBound(lowerText, type, column);
  if (upperText !== "") result.upper = upperBound(upperText, type, column);
  if (result.lower && result.upper && comparable(result.lower) > comparable(result.upper)) {
    throw new FilterError(`In "${raw}" the interval ${lowerText},${upperText} ends before it starts (column "${column}"). Write the smaller value first.`);
  }
  return result;
}

/** The condition a query parameter `column=value` stands for, or a FilterError that says what is wrong. */
export function parseFilter(raw: string, type: FieldType, column: string): Condition {
  const value = raw.trim();
  if (value === "") return { kind: "empty" };
  switch (type) {
    case "TEXT":
      return { kind: "contains", text: value };
    case "BOOLEAN": {
      const lower = value.toLowerCase();
      if (lower === "true" || lower === "false") return { kind: "equals", value: lower === "true" };
      throw new FilterError(`"${value}" is not a boolean (column "${column}"). Use true or false, or leave the value empty for "is empty".`);
    }
    default: {
      const parts = value.split(",").map((p) => p.trim());
      if (parts.length === 1) {
        // A single number is an exact value (ids); a single date is a start.
        if (type === "NUMBER") return { kind: "any", intervals: [], equals: [parseNumber(value, column)] };
        return { kind: "any", intervals: [{ lower: lowerBound(value, type, column) }], equals: [] };
      }
      const intervals: Interval[] = [];
      const equals: number[] = [];
      for (let i = 0; i + 1 < parts.length; i += 2) intervals.push(interval(parts[i]!, parts[i + 1]!, type, column, value));
      if (parts.length % 2 === 1) {
        const last = parts[parts.length - 1]!;
        if (last === "") throw new FilterError(`"${value}" ends with an empty value (column "${column}"). Remove the last comma.`);
        if (type === "NUMBER") equals.push(parseNumber(last, column));
        else intervals.push({ lower: lowerBound(last, type, column) });
      }
      return { kind: "any", intervals, equals };
    }
  }
}

/** The filters an admin fixes in a dataset or widget definition (beyond the public grammar: relative dates, exact text). */
export type FixedFilterOp = "matches" | "one_of" | "not_empty" | "last_days" | "this_month";

export function fixedFilterCondition(filter: { op: FixedFilterOp; value: string }, type: FieldType, column: string, now: Date): Condition {
  switch (filter.op) {
    case "matches":
      return parseFilter(filter.value, type, column);
    case "not_empty":
      return { kind: "not_empty" };
    case "one_of": {
      if (type !== "TEXT") throw new FilterError(`"one of" applies to text columns; "${column}" is ${type}.`);
      const values = filter.value.split(",").map((v) => v.trim()).filter(Boolean);
      if (values.length === 0) throw new FilterError(`"one of" on "${column}" needs at least one value.`);
      return { kind: "one_of", values };
    }
    case "last_days": {
      if (type !== "DATE" && type !== "DATETIME") throw new FilterError(`"in the last days" applies to date columns; "${column}" is ${type}.`);
      const days = Number(filter.value);
      if (!Number.isInteger(days) || days < 1 || days > 3660) throw new FilterError(`"in the last days" on "${column}" needs a whole number of days from 1 to 3660.`);
      const start = new Date(now.getTime() - days * 86_400_000);
      return { kind: "any", intervals: [{ lower: { value: type === "DATE" ? start.toISOString().slice(0, 10) : start, inclusive: true } }], equals: [] };
    }
    case "this_month": {
      if (type !== "DATE" && type !== "DATETIME") throw new FilterError(`"this month" applies to date columns; "${column}" is ${type}.`);
      const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
      if (type === "DATE") {
        const last = new Date(next.getTime() - 86_400_000);
        return { kind: "any", intervals: [{ lower: { value: first.toISOString().slice(0, 10), inclusive: true }, upper: { value: last.toISOString().slice(0, 10), inclusive: true } }], equals: [] };
      }
      return { kind: "any", intervals: [{ lower: { value: first, inclusive: true }, upper: { value: next, inclusive: false } }], equals: [] };
    }
  }
}
