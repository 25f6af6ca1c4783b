// The Public API's shapes, shared by the admin routes, the public endpoints, the OpenAPI document and the
// browser: keys, bindings, datasets and widgets (their definitions), the settings, the usage log and the
// envelopes the public endpoints answer with (as the MSPbots Public API does).
import { z } from "zod";

export const FIELD_TYPES = ["TEXT", "NUMBER", "BOOLEAN", "DATE", "DATETIME"] as const;
export const fieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof fieldTypeSchema>;

export const RESOURCE_KINDS = ["dataset", "widget"] as const;
export const resourceKindSchema = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof resourceKindSchema>;

/** Where a dataset's rows come from: one table of the unified model and what it joins. */
export const SOURCE_KEYS = ["endpoints", "plans", "runs", "usage", "customers"] as const;
export const sourceKeySchema = z.enum(SOURCE_KEYS);
export type SourceKey = z.infer<typeof sourceKeySchema>;
export const SOURCE_LABELS: Record<SourceKey, string> = { endpoints: "Endpoints", plans: "Backup plans", runs: "Runs", usage: "Storage usage", customers: "Customers" };

export const RATE_LIMIT_PER_MINUTE = 60;
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 10;

/** Resource ids: `ds_…` for datasets, `wg_…` for widgets; built-in ones are fixed, custom ones random. */
export const resourceIdSchema = z.string().regex(/^(ds|wg)_[a-z0-9_]{3,60}$/, "Not a dataset or widget id.");

// ---------------------------------------------------------------------------------------------------------
// Definitions

export const FIXED_FILTER_OPS = ["matches", "one_of", "not_empty", "last_days", "this_month"] as const;
export const FIXED_FILTER_LABELS: Record<(typeof FIXED_FILTER_OPS)[number], string> = {
  matches: "matches",
  one_of: "is one of",
  not_empty: "is not empty",
  last_days: "in the last N days",
  this_month: "in this month",
};

const columnKey = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, "Not a column key.");

export const fixedFilterSchema = z.object({
  column: columnKey,
  op: z.enum(FIXED_FILTER_OPS),
  /** matches: a value in the public grammar (`12,56`, `2024-07-01,`); one_of: comma-separated texts; last_days: days. */
  value: z.string().trim().max(500).default(""),
});
export type FixedFilter = z.infer<typeof fixedFilterSchema>;

const direction = z.enum(["asc", "desc"]);

export const datasetDefinitionSchema = z.object({
  source: sourceKeySchema,
  columns: z
    .array(columnKey)
    .min(1, "Pick at least one column.")
    .max(40)
    .refine((c) => new Set(c).size === c.length, "A column is picked twice."),
  filters: z.array(fixedFilterSchema).max(20).default([]),
  sort: z.object({ column: columnKey, direction }).nullable().default(null),
});
export type DatasetDefinition = z.infer<typeof datasetDefinitionSchema>;

export const MEASURE_FUNCTIONS = ["count", "count_distinct", "sum", "avg", "min", "max", "count_if", "rate"] as const;
export const MEASURE_LABELS: Record<(typeof MEASURE_FUNCTIONS)[number], string> = {
  count: "Count of rows",
  count_distinct: "Count of distinct values",
  sum: "Sum",
  avg: "Average",
  min: "Minimum",
  max: "Maximum",
  count_if: "Count where column = value",
  rate: "% of rows where column = value",
};

export const measureSchema = z.object({
  /** The measure's name in the widget's rows, e.g. "Success Rate". */
  name: z.string().trim().min(1, "Name the measure.").max(60).regex(/^[^,=&#?]+$/, "A name cannot contain , = & # or ?."),
  fn: z.enum(MEASURE_FUNCTIONS),
  column: columnKey.optional(),
  /** count_if and rate: the value the column must equal (text), or true/false for a boolean column. */
  value: z.string().trim().max(200).optional(),
});
export type Measure = z.infer<typeof measureSchema>;

export const widgetDefinitionSchema = z.object({
  datasetId: resourceIdSchema,
  groupBy: z
    .array(columnKey)
    .max(3, "Group by at most three columns.")
    .refine((c) => new Set(c).size === c.length, "A column is grouped twice.")
    .default([]),
  measures: z
    .array(measureSchema)
    .min(1, "Add at least one measure.")
    .max(10)
    .refine((m) => new Set(m.map((x) => x.name.toLowerCase())).size === m.length, "Two measures have the same name."),
  filters: z.array(fixedFilterSchema).max(20).default([]),
  /** `by`: a grouped column's key or a measure's name. */
  sort: z.object({ by: z.string().min(1).max(60), direction }).nullable().default(null),
});
export type WidgetDefinition = z.infer<typeof widgetDefinitionSchema>;

const resourceName = z.string().trim().min(1, "Enter a name.").max(100);
const resourceDescription = z.string().trim().max(1000).default("");

export const createResourceInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dataset"), name: resourceName, description: resourceDescription, definition: datasetDefinitionSchema }),
  z.object({ kind: z.literal("widget"), name: resourceName, description: resourceDescription, definition: widgetDefinitionSchema }),
]);
export type CreateResourceInput = z.infer<typeof createResourceInputSchema>;

export const updateResourceInputSchema = z
  .object({ name: resourceName, description: resourceDescription, definition: z.union([datasetDefinitionSchema, widgetDefinitionSchema]) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");
export type UpdateResourceInput = z.infer<typeof updateResourceInputSchema>;

// ---------------------------------------------------------------------------------------------------------
// Sources (the editor's menu) and resources (the pickers)

export const sourceColumnSchema = z.object({ key: z.string(), name: z.string(), type: fieldTypeSchema, description: z.string() });
export type SourceColumn = z.infer<typeof sourceColumnSchema>;

export const sourceSchema = z.object({ key: sourceKeySchema, label: z.string(), description: z.string(), columns: z.array(sourceColumnSchema) });
export type SourceDto = z.infer<typeof sourceSchema>;

/** A column as the public endpoint names and types it. */
export const publicColumnSchema = z.object({ name: z.string(), type: fieldTypeSchema, description: z.string() });
export type PublicColumn = z.infer<typeof publicColumnSchema>;

export const resourceSchema = z.object({
  id: z.string(),
  kind: resourceKindSchema,
  name: z.string(),
  description: z.string(),
  builtIn: z.boolean(),
  source: sourceKeySchema,
  sourceLabel: z.string(),
  /** Widgets: the dataset they aggregate. */
  dataset: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The columns of its rows (a widget's: its groups, then its measures). */
  columns: z.array(publicColumnSchema),
  /** The columns its query parameters may filter on (a widget's: its dataset's columns and its measures). */
  filterColumns: z.array(publicColumnSchema),
  definition: z.union([datasetDefinitionSchema, widgetDefinitionSchema]),
  owner: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the data behind it last synced (the oldest last success of the connections), null before any sync. */
  lastSyncedAt: z.string().nullable(),
  /** How many keys it is bound to. */
  keyCount: z.number().int(),
});
export type ResourceDto = z.infer<typeof resourceSchema>;

export const resourceListQuerySchema = z.object({
  kind: resourceKindSchema.default("dataset"),
  q: z.string().trim().max(200).optional(),
  source: sourceKeySchema.optional(),
  origin: z.enum(["all", "builtin", "custom"]).default("all"),
  sort: z.enum(["updatedAt", "createdAt", "name"]).default("updatedAt"),
  order: direction.default("desc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>;

export const resourcePageSchema = z.object({ items: z.array(resourceSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

// ---------------------------------------------------------------------------------------------------------
// Keys, bindings, settings, usage

export const ipOrRangeSchema = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: "Enter an IPv4 or IPv6 address, or a range such as 203.0.113.0/24." });

const keyFields = {
  name: z.string().trim().min(1, "Enter a name.").max(100),
  description: z.string().trim().max(500).default(""),
  /** The key sees only this customer's rows; null: every customer. */
  customerId: z.string().max(100).nullable().default(null),
  /** After this time the key stops working; null: never. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Client addresses allowed to use the key; empty: any. */
  allowedIps: z.array(z.string().trim().pipe(ipOrRangeSchema)).max(50).default([]),
};

export const createKeyInputSchema = z.object({ ...keyFields, type: z.literal("custom").default("custom") });
export type CreateKeyInput = z.input<typeof createKeyInputSchema>;

export const updateKeyInputSchema = z
  .object({
    name: keyFields.name,
    description: z.string().trim().max(500),
    customerId: z.string().max(100).nullable(),
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
    allowedIps: z.array(z.string().trim().pipe(ipOrRangeSchema)).max(50),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");
export type UpdateKeyInput = z.infer<typeof updateKeyInputSchema>;

export const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.string(),
  /** The first characters of the key, to recognise it; the key itself is never stored or shown again. */
  prefix: z.string(),
  customer: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
  allowedIps: z.array(z.string()),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  datasetCount: z.number().int(),
  widgetCount: z.number().int(),
});
export type KeyDto = z.infer<typeof keySchema>;

/** The answer to creating a key: the only time the key is shown. */
export const createdKeySchema = z.object({ key: keySchema, secret: z.string() });
export type CreatedKeyDto = z.infer<typeof createdKeySchema>;

export const settingsSchema = z.object({ enabled: z.boolean(), rateLimitPerMinute: z.number().int(), logRetentionDays: z.number().int() });
export type PublicApiSettings = z.infer<typeof settingsSchema>;
export const updateSettingsInputSchema = z.object({ enabled: z.boolean() });

export const publicParameterSchema = z.object({ name: z.string(), type: z.string(), description: z.string() });
export type PublicParameter = z.infer<typeof publicParameterSchema>;

export const bindingSchema = z.object({
  resourceType: resourceKindSchema,
  resourceId: z.string(),
  name: z.string(),
  description: z.string(),
  builtIn: z.boolean(),
  /** false when the bound resource was removed (the binding then answers "Can't find …"). */
  exists: z.boolean(),
  /** `GET /api/dataset/{id}` or `GET /api/widget/{id}`. */
  endpoint: z.string(),
  parameters: z.array(publicParameterSchema),
  createdAt: z.string(),
});
export type BindingDto = z.infer<typeof bindingSchema>;

export const addBindingsInputSchema = z.object({
  resourceType: resourceKindSchema,
  resourceIds: z.array(resourceIdSchema).min(1, "Select at least one.").max(200),
});
export type AddBindingsInput = z.infer<typeof addBindingsInputSchema>;

export const bindingParamsSchema = z.object({ id: z.string().min(1).max(100), kind: resourceKindSchema, resourceId: resourceIdSchema });

export const usageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const usageEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  status: z.number().int(),
  outcome: z.string(),
  ip: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  rows: z.number().int().nullable(),
});
export type UsageEntryDto = z.infer<typeof usageEntrySchema>;
export const usagePageSchema = z.object({ items: z.array(usageEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const previewQuerySchema = z.object({
  /** Preview as this key sees it (its customer scope). */
  keyId: z.string().max(100).optional(),
  size: z.coerce.number().int().min(1).max(50).default(3),
});

// ---------------------------------------------------------------------------------------------------------
// The public endpoints' answers (MSPbots' shapes)

export const PAGING_PARAMETERS: PublicParameter[] = [
  { name: "current", type: "integer", description: "The page to return, from 1 (default 1). A page past the last one returns no rows." },
  { name: "size", type: "integer", description: `Rows per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` },
];

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const publicPageSchema = z.object({
  code: z.literal(0),
  msg: z.literal("success"),
  data: z.array(z.record(z.string(), cell)),
  total: z.number().int(),
  size: z.number().int(),
  current: z.number().int(),
  orders: z.array(z.unknown()),
  hitCount: z.boolean(),
  searchCount: z.boolean(),
  pages: z.number().int(),
});
export type PublicPage = z.infer<typeof publicPageSchema>;

/** Unbound resource (`code` 500), unknown resource (-1), invalid parameters (400), rate limit (429). */
export const publicErrorSchema = z.object({ code: z.number().int(), msg: z.string(), data: z.array(z.unknown()) });
export type PublicError = z.infer<typeof publicErrorSchema>;

/** A missing, wrong, removed or expired key, or the Public API switched off. */
export const publicAuthErrorSchema = z.object({ message: z.string() });
