// What datasets are made of: each source is one table of the unified model with what it joins, and the columns a
// dataset may pick, each with its public name, its type and its SQL. Column names are part of the public contract
// (customers filter on them: `?Customer=acme`), so they do not change once shipped; keys are what definitions store.
import { SOURCE_LABELS, type FieldType, type SourceDto, type SourceKey } from "@/lib/schemas/public-api";
import { join, raw, sql, type Dialect, type Sql, type Storage } from "./sql";

export interface QueryContext {
  d: Dialect;
  now: Date;
}

export interface ColumnSpec {
  key: string;
  name: string;
  type: FieldType;
  description: string;
  expr: (ctx: QueryContext) => Sql;
  /** DATE columns: whether the expression is a DateTime ("datetime", the default) or "YYYY-MM-DD" text. */
  storage?: Storage;
  /** NUMBER columns: decimals in the output (default 2). */
  decimals?: number;
  /** The source's joins (by alias) the expression reads; a query joins only what its columns need. */
  joins: string[];
  /** Never empty: ordered without a NULLS clause, so that an index can serve the order. */
  notNull?: boolean;
}

export interface SourceSpec {
  key: SourceKey;
  label: string;
  description: string;
  /** The main table and its alias, e.g. `"Endpoint" e`. */
  table: Sql;
  /** LEFT JOINs by alias, each on a unique key of the joined table (so they never multiply rows). */
  joins: Record<string, Sql>;
  /** Rows every dataset of this source leaves out (removed items). */
  where?: Sql;
  /**
   * An expression `where` makes constant (removedAt, always NULL here). Leading the order with it changes nothing
   * but lets PostgreSQL serve the order from an index that starts with it (it does not do so for `IS NULL` alone).
   */
  constantOrder?: Sql;
  /** A unique expression that makes the order stable between pages. */
  id: Sql;
  /** The customer a row belongs to, for keys scoped to a customer. */
  customerId: Sql;
  columns: ColumnSpec[];
}

const c = (ref: string) => () => raw(ref);
/** The aliases an SQL fragment reads (`cu."name"` reads cu); the source's own alias is filtered out later. */
const aliasesIn = (ref: string) => [...new Set([...ref.matchAll(/\b([a-z]{1,2})\."/g)].map((m) => m[1]!))];
type Options = { notNull?: boolean };
const column = (key: string, name: string, type: FieldType, ref: string, description: string, options: Options & { decimals?: number } = {}): ColumnSpec => ({
  key,
  name,
  type,
  description,
  expr: c(ref),
  joins: aliasesIn(ref),
  ...options,
});
const text = (key: string, name: string, ref: string, description: string, options?: Options) => column(key, name, "TEXT", ref, description, options);
const datetime = (key: string, name: string, ref: string, description: string, options?: Options) => column(key, name, "DATETIME", ref, description, options);
const bool = (key: string, name: string, ref: string, description: string, options?: Options) => column(key, name, "BOOLEAN", ref, description, options);
const number = (key: string, name: string, ref: string, description: string, decimals = 0, options?: Options) => column(key, name, "NUMBER", ref, description, { decimals, ...options });
const gigabytes = (key: string, ref: string, description: string, options?: Options) => column(key, "Storage GB", "NUMBER", `(${ref} / 1e9)`, description, { decimals: 3, ...options });
const NOT_NULL = { notNull: true };
/** The vendor customers linked to the customer `mc`. */
const OWN = `(SELECT y."id" FROM "Customer" y WHERE y."mspCustomerId" = mc."id")`;
/** One value of the customer's current vendor customers, or both ends joined ("msp360,rackspace") when they differ. */
const LINKED = (ref: string, join = "") =>
  `(SELECT CASE WHEN MIN(${ref}) = MAX(${ref}) THEN MIN(${ref}) ELSE MIN(${ref}) || ',' || MAX(${ref}) END FROM "Customer" y ${join} WHERE y."mspCustomerId" = mc."id" AND y."removedAt" IS NULL)`;

const vendorColumns = (alias: string): ColumnSpec[] => [
  text("vendor", "Vendor", `${alias}."vendor"`, "The vendor: msp360 or rackspace", NOT_NULL),
  text("connection", "Connection", `k."name"`, "The vendor connection it was synced from"),
];

export const SOURCES: Record<SourceKey, SourceSpec> = {
  endpoints: {
    key: "endpoints",
    label: SOURCE_LABELS.endpoints,
    description: "Every backed-up machine (MSP360 computers, Rackspace agents) with its status and last backup.",
    table: raw(`"Endpoint" e`),
    joins: { mc: raw(`LEFT JOIN "Customer" cu ON cu."id" = e."customerId" LEFT JOIN "MspCustomer" mc ON mc."id" = cu."mspCustomerId"`), k: raw(`LEFT JOIN "Connection" k ON k."id" = e."connectionId"`) },
    where: raw(`e."removedAt" IS NULL`),
    constantOrder: raw(`e."removedAt"`),
    id: raw(`e."id"`),
    customerId: raw(`e."customerId"`),
    columns: [
      text("id", "Id", `e."id"`, "The endpoint's id in this app", NOT_NULL),
      text("name", "Name", `e."name"`, "The endpoint's name", NOT_NULL),
      text("hostname", "Hostname", `e."hostname"`, "Host name reported by the agent"),
      text("customer", "Customer", `mc."name"`, "The customer (its MSP360 companies and Rackspace accounts linked as one)"),
      text("customer_id", "Customer Id", `mc."id"`, "The customer's id in this app"),
      ...vendorColumns("e"),
      text("os", "OS", `e."os"`, "Operating system"),
      text("os_version", "OS Version", `e."osVersion"`, "Operating system version"),
      text("agent_version", "Agent Version", `e."agentVersion"`, "Backup agent version"),
      text("status", "Status", `e."status"`, "success, warning, failed, running, missed, never-ran, disabled or offline", NOT_NULL),
      bool("online", "Online", `e."online"`, "Whether the agent is online", NOT_NULL),
      bool("enabled", "Enabled", `e."enabled"`, "Whether backups are enabled", NOT_NULL),
      datetime("last_seen", "Last Seen", `e."lastSeenAt"`, "When the agent was last online"),
      datetime("last_backup", "Last Backup", `e."lastRunAt"`, "When its last backup ran"),
      datetime("last_success", "Last Success", `e."lastSuccessAt"`, "When its last successful backup ran"),
      gigabytes("storage_gb", `e."storageBytes"`, "Backup storage used, in GB (10^9 bytes)"),
      text("region", "Region", `e."region"`, "Storage region"),
      datetime("first_seen", "First Seen", `e."firstSeenAt"`, "When the app first saw it", NOT_NULL),
    ],
  },
  plans: {
    key: "plans",
    label: SOURCE_LABELS.plans,
    description: "Backup plans (MSP360) and configurations (Rackspace) with their schedule and last result.",
    table: raw(`"BackupConfiguration" b`),
    joins: {
      e: raw(`LEFT JOIN "Endpoint" e ON e."id" = b."endpointId"`),
      mc: raw(`LEFT JOIN "Customer" cu ON cu."id" = b."customerId" LEFT JOIN "MspCustomer" mc ON mc."id" = cu."mspCustomerId"`),
      k: raw(`LEFT JOIN "Connection" k ON k."id" = b."connectionId"`),
    },
    where: raw(`b."removedAt" IS NULL`),
    constantOrder: raw(`b."removedAt"`),
    id: raw(`b."id"`),
    customerId: raw(`b."customerId"`),
    columns: [
      text("id", "Id", `b."id"`, "The plan's id in this app", NOT_NULL),
      text("plan", "Plan", `b."name"`, "The plan's name", NOT_NULL),
      text("type", "Type", `b."type"`, "What it backs up (files, image, database…)", NOT_NULL),
      text("endpoint", "Endpoint", `e."name"`, "The endpoint it runs on"),
      text("customer", "Customer", `mc."name"`, "The customer"),
      text("customer_id", "Customer Id", `mc."id"`, "The customer's id in this app"),
      ...vendorColumns("b"),
      bool("enabled", "Enabled", `b."enabled"`, "Whether the plan is enabled", NOT_NULL),
      text("schedule", "Schedule", `b."scheduleDescription"`, "The schedule in words", NOT_NULL),
      number("interval_minutes", "Interval Minutes", `b."expectedIntervalMinutes"`, "Minutes between scheduled runs"),
      text("status", "Status", `b."status"`, "What needs attention: the last result, or missed", NOT_NULL),
      text("last_result", "Last Result", `b."lastStatus"`, "The vendor's last result", NOT_NULL),
      datetime("last_run", "Last Run", `b."lastRunAt"`, "When it last ran"),
      datetime("last_success", "Last Success", `b."lastSuccessAt"`, "When it last succeeded"),
      datetime("next_run", "Next Run", `b."nextRunAt"`, "When the vendor will run it next"),
      datetime("missed_since", "Missed Since", `b."missedSince"`, "When it was found missed"),
    ],
  },
  runs: {
    key: "runs",
    label: SOURCE_LABELS.runs,
    description: "Backup, restore and cleanup runs, kept as history (90 days and more).",
    table: raw(`"Run" r`),
    joins: {
      e: raw(`LEFT JOIN "Endpoint" e ON e."id" = r."endpointId"`),
      b: raw(`LEFT JOIN "BackupConfiguration" b ON b."id" = r."configurationId"`),
      mc: raw(`LEFT JOIN "Customer" cu ON cu."id" = r."customerId" LEFT JOIN "MspCustomer" mc ON mc."id" = cu."mspCustomerId"`),
      k: raw(`LEFT JOIN "Connection" k ON k."id" = r."connectionId"`),
    },
    id: raw(`r."id"`),
    customerId: raw(`r."customerId"`),
    columns: [
      text("id", "Id", `r."id"`, "The run's id in this app", NOT_NULL),
      datetime("started", "Started", `r."startedAt"`, "When it started", NOT_NULL),
      { ...column("date", "Date", "DATE", `r."startedAt"`, "The day it started (UTC)", NOT_NULL), storage: "datetime" },
      datetime("ended", "Ended", `r."endedAt"`, "When it ended"),
      text("type", "Type", `r."type"`, "backup, restore or cleanup", NOT_NULL),
      text("status", "Status", `r."status"`, "success, warning, failed, running…", NOT_NULL),
      bool("succeeded", "Succeeded", `(r."status" = 'success')`, "Whether it succeeded", NOT_NULL),
      text("endpoint", "Endpoint", `e."name"`, "The endpoint"),
      text("plan", "Plan", `b."name"`, "The plan"),
      text("customer", "Customer", `mc."name"`, "The customer"),
      text("customer_id", "Customer Id", `mc."id"`, "The customer's id in this app"),
      ...vendorColumns("r"),
      number("duration_minutes", "Duration Minutes", `(r."durationSeconds" / 60.0)`, "How long it ran", 1),
      { ...gigabytes("size_gb", `r."bytes"`, "Data transferred, in GB"), name: "Size GB" },
      number("files_processed", "Files Processed", `r."filesProcessed"`, "Files processed"),
      number("files_failed", "Files Failed", `r."filesFailed"`, "Files that failed"),
      number("errors", "Errors", `r."errorCount"`, "Errors reported"),
      text("message", "Message", `r."message"`, "The vendor's message"),
    ],
  },
  usage: {
    key: "usage",
    label: SOURCE_LABELS.usage,
    description: "Storage and cost per month, per customer (MSP360 billing) or per endpoint (Rackspace vaults).",
    table: raw(`"UsageRecord" u`),
    joins: {
      mc: raw(`LEFT JOIN "Customer" cu ON cu."id" = u."customerId" LEFT JOIN "MspCustomer" mc ON mc."id" = cu."mspCustomerId"`),
      e: raw(`LEFT JOIN "Endpoint" e ON e."id" = u."endpointId"`),
      k: raw(`LEFT JOIN "Connection" k ON k."id" = u."connectionId"`),
    },
    id: raw(`u."id"`),
    customerId: raw(`u."customerId"`),
    columns: [
      { ...column("month", "Month", "DATE", `(u."period" || '-01')`, "The month's first day", NOT_NULL), storage: "date-text" },
      text("period", "Period", `u."period"`, "The month, YYYY-MM", NOT_NULL),
      { key: "level", name: "Level", type: "TEXT", description: "customer or endpoint: what the vendor reports storage for", expr: ({ d }) => d.beforeColon(raw(`u."scope"`)), joins: [], notNull: true },
      text("customer", "Customer", `mc."name"`, "The customer"),
      text("customer_id", "Customer Id", `mc."id"`, "The customer's id in this app"),
      text("endpoint", "Endpoint", `e."name"`, "The endpoint (per-endpoint rows)"),
      ...vendorColumns("u"),
      gigabytes("storage_gb", `u."storageBytes"`, "Storage used, in GB", NOT_NULL),
      number("cost", "Cost", `u."cost"`, "Cost reported by the vendor", 2),
    ],
  },
  customers: {
    key: "customers",
    label: SOURCE_LABELS.customers,
    description: "Customers (each with its MSP360 companies and Rackspace accounts linked as one) with their endpoint and problem counts.",
    table: raw(`"MspCustomer" mc`),
    joins: {},
    where: raw(`EXISTS (SELECT 1 FROM "Customer" y WHERE y."mspCustomerId" = mc."id" AND y."removedAt" IS NULL)`),
    id: raw(`mc."id"`),
    // Keys are scoped by vendor customer ids: any one of the customer's stands for it (each belongs to one customer).
    customerId: raw(`(SELECT MIN(y."id") FROM "Customer" y WHERE y."mspCustomerId" = mc."id")`),
    columns: [
      text("id", "Id", `mc."id"`, "The customer's id in this app", NOT_NULL),
      text("name", "Name", `mc."name"`, "The customer's name", NOT_NULL),
      text("kind", "Kind", LINKED(`y."kind"`), "MSP360 company or user, Rackspace account (both when linked)"),
      text("vendor", "Vendor", LINKED(`y."vendor"`), "The vendors it has endpoints at: msp360, rackspace or both"),
      text("connection", "Connection", LINKED(`k."name"`, `JOIN "Connection" k ON k."id" = y."connectionId"`), "The vendor connections it was synced from"),
      number("endpoints", "Endpoints", `(SELECT COUNT(*) FROM "Endpoint" x WHERE x."customerId" IN ${OWN} AND x."removedAt" IS NULL)`, "Endpoints it has", 0, NOT_NULL),
      number(
        "failed_plans",
        "Failed Plans",
        `(SELECT COUNT(*) FROM "BackupConfiguration" x WHERE x."customerId" IN ${OWN} AND x."removedAt" IS NULL AND x."status" = 'failed')`,
        "Plans whose last result failed",
        0,
        NOT_NULL,
      ),
      number(
        "missed_plans",
        "Missed Plans",
        `(SELECT COUNT(*) FROM "BackupConfiguration" x WHERE x."customerId" IN ${OWN} AND x."removedAt" IS NULL AND x."status" = 'missed')`,
        "Plans that missed their schedule",
        0,
        NOT_NULL,
      ),
      {
        key: "storage_gb_this_month",
        name: "Storage GB This Month",
        type: "NUMBER",
        description: "Storage this month, in GB",
        decimals: 3,
        expr: ({ now }) => sql`(SELECT COALESCE(SUM(x."storageBytes"), 0) / 1e9 FROM "UsageRecord" x WHERE x."customerId" IN ${raw(OWN)} AND x."period" = ${now.toISOString().slice(0, 7)})`,
        joins: [],
        notNull: true,
      },
      datetime("first_seen", "First Seen", `(SELECT MIN(y."firstSeenAt") FROM "Customer" y WHERE y."mspCustomerId" = mc."id")`, "When the app first saw it"),
      datetime("last_seen", "Last Seen", `(SELECT MAX(y."lastSeenAt") FROM "Customer" y WHERE y."mspCustomerId" = mc."id")`, "When a vendor last listed it"),
    ],
  },
};

/** The LEFT JOINs these columns read, in the source's order. */
export function joinsFor(source: SourceSpec, columns: ColumnSpec[]): Sql {
  const needed = new Set(columns.flatMap((c) => c.joins));
  const joins = Object.entries(source.joins).filter(([alias]) => needed.has(alias)).map(([, clause]) => clause);
  return joins.length ? join(joins, " ") : raw("");
}

/** The FROM clause with only the joins these columns read. */
export function fromClause(source: SourceSpec, columns: ColumnSpec[]): Sql {
  return sql`${source.table} ${joinsFor(source, columns)}`;
}

export function sourceSpec(key: SourceKey): SourceSpec {
  return SOURCES[key];
}

export function columnSpec(source: SourceKey, key: string): ColumnSpec | undefined {
  return SOURCES[source].columns.find((column) => column.key === key);
}

/** The source catalog for the editor (no SQL). */
export function sourceCatalog(): SourceDto[] {
  return Object.values(SOURCES).map((s) => ({
    key: s.key,
    label: s.label,
    description: s.description,
    columns: s.columns.map(({ key, name, type, description }) => ({ key, name, type, description })),
  }));
}
