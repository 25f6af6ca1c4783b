// Compiles a dataset or widget request into SQL that does all the work in the database: filters (fixed, the
// request's and the key's customer scope), grouping, measures, order, the page (LIMIT/OFFSET) and the count.
// Only a page of rows ever leaves the database.
import type { FieldType } from "@/lib/schemas/public-api";
import { FilterError, fixedFilterCondition, parseFilter, type Condition } from "./grammar";
import { filterColumns, type DatasetPlan, type MeasurePlan, type ResourcePlan, type WidgetPlan } from "./plan";
import type { ColumnSpec, QueryContext } from "./sources";
import { conditionSql, join, outputValue, raw, round, sql, type Sql, type Storage } from "./sql";

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A request filter resolved to what it applies to: a row column (WHERE) or a widget measure (HAVING). */
export type RequestFilter = { target: { kind: "column"; column: ColumnSpec } | { kind: "measure"; measure: MeasurePlan; index: number }; condition: Condition };

export interface CompiledQuery {
  rows: Sql;
  /** null for a widget without groups: it answers one row (or none, when a measure filter drops it), unpaged. */
  count: Sql | null;
  read(rows: Record<string, unknown>[]): Row[];
}

const storageOf = (column: ColumnSpec): Storage => column.storage ?? (column.type === "DATE" ? "datetime" : "value");

/**
 * The request's query parameters (other than current and size) as filters. Names are matched exactly, then
 * ignoring case; an unknown name or a value that does not parse is a FilterError naming the problem.
 */
export function resolveRequestFilters(plan: ResourcePlan, params: [string, string][]): RequestFilter[] {
  const available = filterColumns(plan);
  const seen = new Set<string>();
  return params.map(([name, value]) => {
    const match = available.find((c) => c.name === name) ?? available.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!match) {
      throw new FilterError(`Unknown column "${name}". Filter on: ${available.map((c) => c.name).join(", ")} (and page with current and size).`);
    }
    if (seen.has(match.name)) throw new FilterError(`Column "${match.name}" is given more than once; give it once (numbers and dates take several intervals separated by commas).`);
    seen.add(match.name);
    const condition = parseFilter(value, match.type, match.name);
    const columns = plan.kind === "dataset" ? plan.columns : plan.dataset.columns;
    const column = columns.find((c) => c.name === match.name);
    if (column) return { target: { kind: "column", column }, condition };
    const index = (plan as WidgetPlan).measures.findIndex((m) => m.measure.name === match.name);
    return { target: { kind: "measure", measure: (plan as WidgetPlan).measures[index]!, index }, condition };
  });
}

function and(parts: Sql[]): Sql {
  return parts.length === 0 ? raw("1 = 1") : join(parts, " AND ");
}

/** The WHERE clause of a dataset's rows: the source's, the fixed filters, the request's and the customer scope. */
function rowConditions(dataset: DatasetPlan, extraFixed: WidgetPlan["definition"]["filters"], lookup: (key: string) => ColumnSpec, filters: RequestFilter[], scope: string[] | null, ctx: QueryContext): Sql[] {
  const { source, definition } = dataset;
  const parts: Sql[] = [];
  if (source.where) parts.push(source.where);
  const fixed = (filter: (typeof definition.filters)[number], column: ColumnSpec) =>
    conditionSql(column.expr(ctx), column.type, storageOf(column), fixedFilterCondition(filter, column.type, column.name, ctx.now), ctx.d);
  for (const filter of definition.filters) parts.push(fixed(filter, source.columns.find((c) => c.key === filter.column)!));
  for (const filter of extraFixed) parts.push(fixed(filter, lookup(filter.column)));
  for (const filter of filters) {
    if (filter.target.kind !== "column") continue;
    const column = filter.target.column;
    parts.push(conditionSql(column.expr(ctx), column.type, storageOf(column), filter.condition, ctx.d));
  }
  // The key's customer scope: only rows of these customers (none: nothing).
  if (scope) parts.push(scope.length ? sql`${source.customerId} IN (${join(scope.map((id) => ctx.d.text(id)))})` : raw("1 = 0"));
  return parts;
}

function orderTerm(expr: Sql, direction: "asc" | "desc"): Sql {
  // Empty values last in both directions, on both databases (they disagree by default).
  return sql`(${expr} IS NULL), ${expr} ${raw(direction === "desc" ? "DESC" : "ASC")}`;
}

const paging = (page: { current: number; size: number }) => sql`LIMIT ${page.size} OFFSET ${(page.current - 1) * page.size}`;

export function compileDatasetQuery(plan: DatasetPlan, request: { filters: RequestFilter[]; scope: string[] | null; current: number; size: number }, ctx: QueryContext): CompiledQuery {
  const { source, definition } = plan;
  const where = and(rowConditions(plan, [], () => undefined as never, request.filters, request.scope, ctx));
  const select = join(plan.columns.map((column, i) => sql`${column.expr(ctx)} AS ${raw(`"c${i}"`)}`));
  const sortColumn = definition.sort ? source.columns.find((c) => c.key === definition.sort!.column)! : null;
  const order = sortColumn ? sql`${orderTerm(sortColumn.expr(ctx), definition.sort!.direction)}, ${source.id} ASC` : sql`${source.id} ASC`;
  return {
    rows: sql`SELECT ${select} FROM ${source.from} WHERE ${where} ORDER BY ${order} ${paging(request)}`,
    count: sql`SELECT COUNT(*) AS ${raw(`"n"`)} FROM ${source.from} WHERE ${where}`,
    read: (rows) =>
      rows.map((row) => {
        const out: Row = {};
        plan.columns.forEach((column, i) => (out[column.name] = outputValue(row[`c${i}`], column.type, column.decimals)));
        return out;
      }),
  };
}

function measureSql(plan: MeasurePlan, ctx: QueryContext): Sql {
  const { measure, column } = plan;
  const expr = column ? column.expr(ctx) : null;
  const matches = () => {
    const value = measure.value ?? "";
    if (column!.type === "BOOLEAN") return sql`${expr!} = ${ctx.d.boolean(value === "true")}`;
    if (column!.type === "NUMBER") return sql`${expr!} = ${ctx.d.number(Number(value))}`;
    return sql`${expr!} = ${ctx.d.text(value)}`;
  };
  switch (measure.fn) {
    case "count":
      return raw("COUNT(*)");
    case "count_distinct":
      return sql`COUNT(DISTINCT ${expr!})`;
    case "sum":
      return sql`SUM(${expr!})`;
    case "avg":
      return sql`AVG(${expr!})`;
    case "min":
      return sql`MIN(${expr!})`;
    case "max":
      return sql`MAX(${expr!})`;
    case "count_if":
      return sql`SUM(CASE WHEN ${matches()} THEN 1 ELSE 0 END)`;
    case "rate":
      return sql`(100.0 * SUM(CASE WHEN ${matches()} THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0))`;
  }
}

/** Widget measures are strings, as in the MSPbots answers (`{"Sum": "3", "Count": "10"}`). */
function measureText(value: unknown, type: FieldType): string | null {
  const out = outputValue(value, type, 6);
  if (out === null) return null;
  return typeof out === "number" ? String(round(out, 2)) : String(out);
}

const groupExpr = (column: ColumnSpec, ctx: QueryContext) => (column.type === "DATE" && storageOf(column) === "datetime" ? ctx.d.day(column.expr(ctx)) : column.expr(ctx));

export function compileWidgetQuery(plan: WidgetPlan, request: { filters: RequestFilter[]; scope: string[] | null; current: number; size: number }, ctx: QueryContext): CompiledQuery {
  const { dataset, definition } = plan;
  const lookup = (key: string) => dataset.columns.find((c) => c.key === key)!;
  const where = and(rowConditions(dataset, definition.filters, lookup, request.filters, request.scope, ctx));
  const groups = plan.groupBy.map((column) => groupExpr(column, ctx));
  const measures = plan.measures.map((m) => measureSql(m, ctx));
  const select = join([...groups.map((g, i) => sql`${g} AS ${raw(`"g${i}"`)}`), ...measures.map((m, i) => sql`${m} AS ${raw(`"m${i}"`)}`)]);
  const having = request.filters.flatMap((filter) => {
    if (filter.target.kind !== "measure") return [];
    const { measure, index } = filter.target;
    const storage = measure.column && (measure.measure.fn === "min" || measure.measure.fn === "max") ? storageOf(measure.column) : "value";
    return [conditionSql(measures[index]!, measure.type, storage, filter.condition, ctx.d)];
  });
  const groupBy = groups.length ? sql`GROUP BY ${join(groups)}` : raw("");
  const havingSql = having.length ? sql`HAVING ${and(having)}` : raw("");
  const orderTerms: Sql[] = [];
  if (definition.sort) {
    const groupIndex = plan.groupBy.findIndex((c) => c.key === definition.sort!.by);
    const measureIndex = plan.measures.findIndex((m) => m.measure.name === definition.sort!.by);
    orderTerms.push(orderTerm(groupIndex >= 0 ? groups[groupIndex]! : measures[measureIndex]!, definition.sort.direction));
  }
  // The groups themselves make the order total, so pages never overlap.
  for (const g of groups) orderTerms.push(orderTerm(g, "asc"));
  const orderBy = orderTerms.length ? sql`ORDER BY ${join(orderTerms)}` : raw("");
  const from = sql`FROM ${dataset.source.from} WHERE ${where}`;
  return {
    rows: sql`SELECT ${select} ${from} ${groupBy} ${havingSql} ${orderBy} ${groups.length ? paging(request) : raw("")}`,
    count: groups.length ? sql`SELECT COUNT(*) AS ${raw(`"n"`)} FROM (SELECT 1 AS ${raw(`"one"`)} ${from} ${groupBy} ${havingSql}) g` : null,
    read: (rows) =>
      rows.map((row) => {
        const out: Row = {};
        plan.groupBy.forEach((column, i) => (out[column.name] = outputValue(row[`g${i}`], column.type, column.decimals)));
        plan.measures.forEach((m, i) => (out[m.measure.name] = measureText(row[`m${i}`], m.type)));
        return out;
      }),
  };
}
