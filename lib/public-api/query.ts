// Compiles a dataset or widget request into SQL that does all the work in the database: filters (fixed, the
// request's and the key's customer scope), grouping, measures, order, the page (LIMIT/OFFSET) and the count.
// Only a page of rows ever leaves the database.
import type { FieldType } from "@/lib/schemas/public-api";
import { FilterError, fixedFilterCondition, parseFilter, type Condition } from "./grammar";
import { filterColumns, type DatasetPlan, type MeasurePlan, type ResourcePlan, type WidgetPlan } from "./plan";
import { fromClause, joinsFor, type ColumnSpec, type QueryContext } from "./sources";
import { conditionSql, join, outputValue, raw, round, sql, type Sql, type Storage } from "./sql";

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A request filter resolved to what it applies to: a row column (WHERE) or a widget measure (HAVING). */
export type RequestFilter = { target: { kind: "column"; column: ColumnSpec } | { kind: "measure"; measure: MeasurePlan; index: number }; condition: Condition };

export interface CompiledQuery {
  rows: Sql;
  /** null for a widget without groups: it answers one row (or none, when a measure filter drops it), unpaged. */
  count: Sql | null;
  /** The rows carry the total in a "total" column (a window count over the groups), so the count is needed only past the last page. */
  windowTotal: boolean;
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

/** The WHERE clause of a dataset's rows (the source's, the fixed filters, the request's, the customer scope) and the columns it reads. */
function rowConditions(
  dataset: DatasetPlan,
  extraFixed: WidgetPlan["definition"]["filters"],
  lookup: (key: string) => ColumnSpec,
  filters: RequestFilter[],
  scope: string[] | null,
  ctx: QueryContext,
): { where: Sql; reads: ColumnSpec[] } {
  const { source, definition } = dataset;
  const parts: Sql[] = [];
  const reads: ColumnSpec[] = [];
  if (source.where) parts.push(source.where);
  const fixed = (filter: (typeof definition.filters)[number], column: ColumnSpec) => {
    reads.push(column);
    parts.push(conditionSql(column.expr(ctx), column.type, storageOf(column), fixedFilterCondition(filter, column.type, column.name, ctx.now), ctx.d));
  };
  for (const filter of definition.filters) fixed(filter, source.columns.find((c) => c.key === filter.column)!);
  for (const filter of extraFixed) fixed(filter, lookup(filter.column));
  for (const filter of filters) {
    if (filter.target.kind !== "column") continue;
    const column = filter.target.column;
    reads.push(column);
    parts.push(conditionSql(column.expr(ctx), column.type, storageOf(column), filter.condition, ctx.d));
  }
  // The key's customer scope: only rows of these customers (none: nothing).
  if (scope) parts.push(scope.length ? sql`${source.customerId} IN (${join(scope.map((id) => ctx.d.text(id)))})` : raw("1 = 0"));
  return { where: and(parts), reads };
}

/** Empty values last in both directions, on both databases (they disagree by default); plain when never empty, so an index can serve it. */
function orderTerm(expr: Sql, direction: "asc" | "desc", notNull: boolean): Sql {
  return sql`${expr} ${raw(direction === "desc" ? "DESC" : "ASC")}${raw(notNull ? "" : " NULLS LAST")}`;
}

const paging = (page: { current: number; size: number }) => sql`LIMIT ${page.size} OFFSET ${(page.current - 1) * page.size}`;

/**
 * A page of a dataset in two steps inside one statement: the inner query finds the page's ids reading only what the
 * filters and the order need (an index can often answer it alone), the outer one reads the page's columns for those
 * ids. A deep page then costs what a first page costs.
 */
export function compileDatasetQuery(plan: DatasetPlan, request: { filters: RequestFilter[]; scope: string[] | null; current: number; size: number }, ctx: QueryContext): CompiledQuery {
  const { source, definition } = plan;
  const { where, reads } = rowConditions(plan, [], () => undefined as never, request.filters, request.scope, ctx);
  const select = join(plan.columns.map((column, i) => sql`${column.expr(ctx)} AS ${raw(`"c${i}"`)}`));
  const sortColumn = definition.sort ? source.columns.find((c) => c.key === definition.sort!.column)! : null;
  const direction = definition.sort?.direction ?? "asc";
  const innerOrder = join([
    ...(source.constantOrder ? [source.constantOrder] : []),
    ...(sortColumn ? [orderTerm(sortColumn.expr(ctx), direction, !!sortColumn.notNull)] : []),
    sql`${source.id} ASC`,
  ]);
  const innerSelect = sortColumn ? sql`${source.id} AS "pid", ${sortColumn.expr(ctx)} AS "s0"` : sql`${source.id} AS "pid"`;
  const innerFrom = fromClause(source, [...reads, ...(sortColumn ? [sortColumn] : [])]);
  const inner = sql`SELECT ${innerSelect} FROM ${innerFrom} WHERE ${where} ORDER BY ${innerOrder} ${paging(request)}`;
  const outerOrder = sortColumn ? sql`${orderTerm(raw(`p."s0"`), direction, !!sortColumn.notNull)}, p."pid" ASC` : raw(`p."pid" ASC`);
  return {
    rows: sql`SELECT ${select} FROM (${inner}) p JOIN ${source.table} ON ${source.id} = p."pid" ${joinsFor(source, plan.columns)} ORDER BY ${outerOrder}`,
    count: sql`SELECT COUNT(*) AS ${raw(`"n"`)} FROM ${fromClause(source, reads)} WHERE ${where}`,
    windowTotal: false,
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
  const { where, reads } = rowConditions(dataset, definition.filters, lookup, request.filters, request.scope, ctx);
  const groups = plan.groupBy.map((column) => groupExpr(column, ctx));
  const measures = plan.measures.map((m) => measureSql(m, ctx));
  const select = join([
    ...groups.map((g, i) => sql`${g} AS ${raw(`"g${i}"`)}`),
    ...measures.map((m, i) => sql`${m} AS ${raw(`"m${i}"`)}`),
    // Computed after grouping: every row of the page knows how many groups there are.
    ...(groups.length ? [raw(`COUNT(*) OVER () AS "total"`)] : []),
  ]);
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
    orderTerms.push(
      groupIndex >= 0 ? orderTerm(groups[groupIndex]!, definition.sort.direction, !!plan.groupBy[groupIndex]!.notNull) : orderTerm(measures[measureIndex]!, definition.sort.direction, false),
    );
  }
  // The groups themselves make the order total, so pages never overlap.
  plan.groupBy.forEach((column, i) => orderTerms.push(orderTerm(groups[i]!, "asc", !!column.notNull)));
  const orderBy = orderTerms.length ? sql`ORDER BY ${join(orderTerms)}` : raw("");
  const measureColumns = plan.measures.flatMap((m) => (m.column ? [m.column] : []));
  const from = sql`FROM ${fromClause(dataset.source, [...reads, ...plan.groupBy, ...measureColumns])} WHERE ${where}`;
  return {
    rows: sql`SELECT ${select} ${from} ${groupBy} ${havingSql} ${orderBy} ${groups.length ? paging(request) : raw("")}`,
    count: groups.length ? sql`SELECT COUNT(*) AS ${raw(`"n"`)} FROM (SELECT 1 AS ${raw(`"one"`)} ${from} ${groupBy} ${havingSql}) g` : null,
    windowTotal: groups.length > 0,
    read: (rows) =>
      rows.map((row) => {
        const out: Row = {};
        plan.groupBy.forEach((column, i) => (out[column.name] = outputValue(row[`g${i}`], column.type, column.decimals)));
        plan.measures.forEach((m, i) => (out[m.measure.name] = measureText(row[`m${i}`], m.type)));
        return out;
      }),
  };
}
