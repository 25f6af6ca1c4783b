// SQL for the Public API's queries on both databases: parameters that compare correctly with Prisma's columns,
// the few functions that differ, conditions from the filter grammar, and result values in their JSON form.
// Identifiers and expressions come only from the code's source catalog; every user value is a parameter.
import { Prisma } from "@/prisma/generated/sqlite/client/client";
import type { FieldType } from "@/lib/schemas/public-api";
import { nextDay, type Bound, type Condition } from "./grammar";

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const raw = Prisma.raw;
export const join = Prisma.join;
export const empty = Prisma.empty;

export type Provider = "sqlite" | "postgresql";

export interface Dialect {
  provider: Provider;
  /** A point in time, comparable with DateTime columns. */
  timestamp(value: Date): Sql;
  number(value: number): Sql;
  text(value: string): Sql;
  boolean(value: boolean): Sql;
  /** Case-insensitive "contains". */
  contains(expr: Sql, text: string): Sql;
  /** A DateTime column as "YYYY-MM-DD" (UTC). */
  day(expr: Sql): Sql;
  /** The part of `expr` before the first `:`. */
  beforeColon(expr: Sql): Sql;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const sqlite: Dialect = {
  provider: "sqlite",
  // Prisma stores DateTime in SQLite as ISO text with "+00:00": text of the same form compares in time order.
  timestamp: (value) => sql`${value.toISOString().replace("Z", "+00:00")}`,
  number: (value) => sql`${value}`,
  text: (value) => sql`${value}`,
  boolean: (value) => raw(value ? "1" : "0"),
  contains: (expr, text) => sql`${expr} LIKE ${likePattern(text)} ESCAPE '\\'`,
  day: (expr) => sql`substr(${expr}, 1, 10)`,
  beforeColon: (expr) => sql`substr(${expr}, 1, instr(${expr}, ':') - 1)`,
};

const postgresql: Dialect = {
  provider: "postgresql",
  // Prisma's DateTime is `timestamp(3)` holding UTC: a zone-less literal avoids any session time zone.
  timestamp: (value) => sql`CAST(${value.toISOString().replace("T", " ").replace("Z", "")} AS timestamp(3))`,
  number: (value) => sql`CAST(${value} AS double precision)`,
  text: (value) => sql`CAST(${value} AS text)`,
  boolean: (value) => raw(value ? "true" : "false"),
  contains: (expr, text) => sql`${expr} ILIKE ${likePattern(text)} ESCAPE '\\'`,
  day: (expr) => sql`to_char(${expr}, 'YYYY-MM-DD')`,
  beforeColon: (expr) => sql`split_part(${expr}, ':', 1)`,
};

export function dialectFor(provider: Provider): Dialect {
  return provider === "postgresql" ? postgresql : sqlite;
}

/** How a column's values are stored, for comparisons: DATE columns are either a DateTime or "YYYY-MM-DD" text. */
export type Storage = "value" | "datetime" | "date-text";

function boundValue(bound: Bound, storage: Storage, d: Dialect): { value: Sql; inclusive: boolean } {
  if (bound.value instanceof Date) return { value: d.timestamp(bound.value), inclusive: bound.inclusive };
  if (typeof bound.value === "number") return { value: d.number(bound.value), inclusive: bound.inclusive };
  // A day on a DATE column.
  if (storage === "datetime") return { value: d.timestamp(new Date(`${bound.value}T00:00:00.000Z`)), inclusive: bound.inclusive };
  return { value: d.text(bound.value), inclusive: bound.inclusive };
}

function upperValue(bound: Bound, storage: Storage, d: Dialect): { value: Sql; inclusive: boolean } {
  // "until day X" on a DATE stored as DateTime: everything before the next day starts.
  if (typeof bound.value === "string" && storage === "datetime" && bound.inclusive) {
    return { value: d.timestamp(new Date(`${nextDay(bound.value)}T00:00:00.000Z`)), inclusive: false };
  }
  return boundValue(bound, storage, d);
}

const or = (parts: Sql[]) => (parts.length === 1 ? parts[0]! : sql`(${join(parts, " OR ")})`);

/** The WHERE (or HAVING) clause for one condition on one expression. */
export function conditionSql(expr: Sql, type: FieldType, storage: Storage, condition: Condition, d: Dialect): Sql {
  switch (condition.kind) {
    case "empty":
      return type === "TEXT" ? sql`(${expr} IS NULL OR ${expr} = '')` : sql`${expr} IS NULL`;
    case "not_empty":
      return type === "TEXT" ? sql`(${expr} IS NOT NULL AND ${expr} <> '')` : sql`${expr} IS NOT NULL`;
    case "contains":
      return d.contains(expr, condition.text);
    case "equals":
      return typeof condition.value === "boolean" ? sql`${expr} = ${d.boolean(condition.value)}` : sql`${expr} = ${d.number(condition.value)}`;
    case "one_of":
      return sql`${expr} IN (${join(condition.values.map((v) => d.text(v)))})`;
    case "any": {
      const parts: Sql[] = [];
      for (const interval of condition.intervals) {
        const sides: Sql[] = [];
        if (interval.lower) {
          const lower = boundValue(interval.lower, storage, d);
          sides.push(lower.inclusive ? sql`${expr} >= ${lower.value}` : sql`${expr} > ${lower.value}`);
        }
        if (interval.upper) {
          const upper = upperValue(interval.upper, storage, d);
          sides.push(upper.inclusive ? sql`${expr} <= ${upper.value}` : sql`${expr} < ${upper.value}`);
        }
        parts.push(sides.length === 1 ? sides[0]! : sql`(${join(sides, " AND ")})`);
      }
      for (const value of condition.equals) parts.push(sql`${expr} = ${d.number(value)}`);
      return or(parts);
    }
  }
}

/** Rounds to a few decimals without float noise (0.1 + 0.2 → 0.3). */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  // PostgreSQL numerics (AVG, ROUND) arrive as Decimal objects or strings.
  const number = Number(String(value));
  return Number.isFinite(number) ? number : null;
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A database value as the Public API writes it: numbers, booleans, ISO dates ("YYYY-MM-DD") and times (UTC). */
export function outputValue(value: unknown, type: FieldType, decimals = 2): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "NUMBER": {
      const number = toNumber(value);
      return number === null ? null : round(number, decimals);
    }
    case "BOOLEAN":
      return typeof value === "boolean" ? value : toNumber(value) === 1;
    case "DATE":
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      return toDate(value)?.toISOString().slice(0, 10) ?? null;
    case "DATETIME":
      return toDate(value)?.toISOString() ?? null;
    case "TEXT":
      return String(value);
  }
}
