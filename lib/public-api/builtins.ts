// The datasets and widgets every install ships with. Their ids are fixed here, so they are the same after a restart,
// an upgrade or a re-install, and a customer's tool that reads `/api/dataset/ds_endpoints_last_backup` keeps working.
// Change a built-in only in ways that keep its columns (add, never rename or remove).
import type { DatasetDefinition, WidgetDefinition } from "@/lib/schemas/public-api";

interface BuiltIn<D> {
  id: string;
  name: string;
  description: string;
  definition: D;
}

/** When the built-ins were first shipped: their "created" and "last modified" times. */
export const BUILT_IN_SINCE = "2026-11-25T00:00:00.000Z";
export const BUILT_IN_OWNER = "Built-in";

export const BUILT_IN_DATASETS: BuiltIn<DatasetDefinition>[] = [
  {
    id: "ds_endpoints_last_backup",
    name: "Endpoints with last backup",
    description: "Every endpoint of every vendor with its customer, status, last backup, last success and storage.",
    definition: {
      source: "endpoints",
      columns: ["id", "name", "customer", "vendor", "status", "online", "last_backup", "last_success", "storage_gb", "os", "agent_version"],
      filters: [],
      sort: { column: "name", direction: "asc" },
    },
  },
  {
    id: "ds_failed_runs_7d",
    name: "Failed runs, last 7 days",
    description: "Backup runs that failed in the last 7 days, newest first, with the vendor's message.",
    definition: {
      source: "runs",
      columns: ["id", "started", "date", "customer", "endpoint", "plan", "vendor", "type", "status", "message", "size_gb", "duration_minutes"],
      filters: [
        { column: "status", op: "one_of", value: "failed" },
        { column: "started", op: "last_days", value: "7" },
      ],
      sort: { column: "started", direction: "desc" },
    },
  },
  {
    id: "ds_runs_30d",
    name: "Backup runs, last 30 days",
    description: "Every backup run of the last 30 days with its result, size and duration.",
    definition: {
      source: "runs",
      columns: ["id", "started", "date", "customer", "endpoint", "plan", "vendor", "status", "succeeded", "size_gb", "duration_minutes", "errors"],
      filters: [
        { column: "type", op: "one_of", value: "backup" },
        { column: "started", op: "last_days", value: "30" },
      ],
      sort: { column: "started", direction: "desc" },
    },
  },
  {
    id: "ds_storage_this_month",
    name: "Storage this month",
    description: "This month's storage and cost as the vendors report it: per customer (MSP360) or per endpoint (Rackspace).",
    definition: {
      source: "usage",
      columns: ["period", "customer", "endpoint", "vendor", "level", "storage_gb", "cost"],
      filters: [{ column: "month", op: "this_month", value: "" }],
      sort: { column: "storage_gb", direction: "desc" },
    },
  },
  {
    id: "ds_plans_last_result",
    name: "Backup plans with last result",
    description: "Every backup plan with its endpoint, customer, schedule, status, last result and next run.",
    definition: {
      source: "plans",
      columns: ["id", "plan", "endpoint", "customer", "vendor", "type", "schedule", "enabled", "status", "last_result", "last_run", "last_success", "next_run"],
      filters: [],
      sort: { column: "plan", direction: "asc" },
    },
  },
  {
    id: "ds_plans_attention",
    name: "Plans needing attention",
    description: "Plans whose last result failed or warned, or that missed their schedule.",
    definition: {
      source: "plans",
      columns: ["id", "plan", "endpoint", "customer", "vendor", "status", "last_result", "last_run", "last_success", "missed_since"],
      filters: [{ column: "status", op: "one_of", value: "failed,missed,warning" }],
      sort: { column: "last_run", direction: "desc" },
    },
  },
  {
    id: "ds_customers",
    name: "Customers",
    description: "Customers of every vendor with endpoints, failed and missed plans, and this month's storage.",
    definition: {
      source: "customers",
      columns: ["id", "name", "vendor", "kind", "endpoints", "failed_plans", "missed_plans", "storage_gb_this_month", "first_seen"],
      filters: [],
      sort: { column: "name", direction: "asc" },
    },
  },
];

export const BUILT_IN_WIDGETS: BuiltIn<WidgetDefinition>[] = [
  {
    id: "wg_success_rate_per_customer",
    name: "Success rate per customer (30 days)",
    description: "Backup runs of the last 30 days per customer: how many, how many succeeded and failed, and the success rate.",
    definition: {
      datasetId: "ds_runs_30d",
      groupBy: ["customer"],
      measures: [
        { name: "Runs", fn: "count" },
        { name: "Succeeded Runs", fn: "count_if", column: "status", value: "success" },
        { name: "Failed Runs", fn: "count_if", column: "status", value: "failed" },
        { name: "Success Rate", fn: "rate", column: "status", value: "success" },
      ],
      filters: [],
      sort: { by: "Success Rate", direction: "asc" },
    },
  },
  {
    id: "wg_storage_per_customer",
    name: "Storage per customer this month",
    description: "This month's storage and cost summed per customer, largest first.",
    definition: {
      datasetId: "ds_storage_this_month",
      groupBy: ["customer"],
      measures: [
        { name: "Total Storage GB", fn: "sum", column: "storage_gb" },
        { name: "Total Cost", fn: "sum", column: "cost" },
      ],
      filters: [],
      sort: { by: "Total Storage GB", direction: "desc" },
    },
  },
  {
    id: "wg_endpoints_by_status",
    name: "Endpoints by status",
    description: "How many endpoints are in each status, per vendor.",
    definition: {
      datasetId: "ds_endpoints_last_backup",
      groupBy: ["vendor", "status"],
      measures: [{ name: "Count", fn: "count" }],
      filters: [],
      sort: null,
    },
  },
  {
    id: "wg_failed_runs_per_day",
    name: "Failed runs per day (7 days)",
    description: "Failed runs per day over the last 7 days.",
    definition: {
      datasetId: "ds_failed_runs_7d",
      groupBy: ["date"],
      measures: [
        { name: "Count", fn: "count" },
        { name: "Endpoints", fn: "count_distinct", column: "endpoint" },
      ],
      filters: [],
      sort: { by: "date", direction: "desc" },
    },
  },
  {
    id: "wg_fleet_totals",
    name: "Fleet totals",
    description: "All endpoints in one row: how many, how many online, and the storage they use.",
    definition: {
      datasetId: "ds_endpoints_last_backup",
      groupBy: [],
      measures: [
        { name: "Count", fn: "count" },
        { name: "Online Endpoints", fn: "count_if", column: "online", value: "true" },
        { name: "Total Storage GB", fn: "sum", column: "storage_gb" },
      ],
      filters: [],
      sort: null,
    },
  },
];

export function builtInDataset(id: string) {
  return BUILT_IN_DATASETS.find((d) => d.id === id);
}

export function builtInWidget(id: string) {
  return BUILT_IN_WIDGETS.find((w) => w.id === id);
}
