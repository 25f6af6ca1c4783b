// Checks dataset and widget definitions against the source catalog and resolves them into plans the query layer
// compiles: which columns, which fixed filters, which groups and measures. Every problem is reported in words an
// admin can act on, with the path of the field at fault.
import type { DatasetDefinition, FieldType, Measure, PublicColumn, WidgetDefinition } from "@/lib/schemas/public-api";
import { FilterError, fixedFilterCondition, parseNumber } from "./grammar";
import { columnSpec, sourceSpec, type ColumnSpec, type SourceSpec } from "./sources";

export class DefinitionError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DatasetPlan {
  kind: "dataset";
  definition: DatasetDefinition;
  source: SourceSpec;
  columns: ColumnSpec[];
}

export interface MeasurePlan {
  measure: Measure;
  column?: ColumnSpec;
  /** The measure's output type (min/max of dates are dates). */
  type: FieldType;
}

export interface WidgetPlan {
  kind: "widget";
  definition: WidgetDefinition;
  dataset: DatasetPlan;
  groupBy: ColumnSpec[];
  measures: MeasurePlan[];
}

export type ResourcePlan = DatasetPlan | WidgetPlan;

function checkFixedFilters(filters: DatasetDefinition["filters"], lookup: (key: string) => ColumnSpec | undefined, where: string) {
  filters.forEach((filter, i) => {
    const column = lookup(filter.column);
    if (!column) throw new DefinitionError(`definition.filters.${i}.column`, `${where} has no column "${filter.column}".`);
    try {
      fixedFilterCondition(filter, column.type, column.name, new Date());
    } catch (error) {
      if (error instanceof FilterError) throw new DefinitionError(`definition.filters.${i}.value`, error.message);
      throw error;
    }
  });
}

export function planDataset(definition: DatasetDefinition): DatasetPlan {
  const source = sourceSpec(definition.source);
  const columns = definition.columns.map((key, i) => {
    const column = columnSpec(definition.source, key);
    if (!column) throw new DefinitionError(`definition.columns.${i}`, `${source.label} has no column "${key}".`);
    return column;
  });
  // Fixed filters and the order may use any column of the source, shown or not.
  checkFixedFilters(definition.filters, (key) => columnSpec(definition.source, key), source.label);
  if (definition.sort && !columnSpec(definition.source, definition.sort.column)) {
    throw new DefinitionError("definition.sort.column", `${source.label} has no column "${definition.sort.column}".`);
  }
  return { kind: "dataset", definition, source, columns };
}

const NUMERIC_ONLY = new Set(["sum", "avg"]);
const ORDERED = new Set(["min", "max"]);

function planMeasure(measure: Measure, i: number, dataset: DatasetPlan): MeasurePlan {
  const path = `definition.measures.${i}`;
  if (dataset.columns.some((c) => c.name.toLowerCase() === measure.name.toLowerCase())) {
    throw new DefinitionError(`${path}.name`, `"${measure.name}" is already a column of the dataset; give the measure another name.`);
  }
  if (measure.fn === "count") return { measure, type: "NUMBER" };
  if (!measure.column) throw new DefinitionError(`${path}.column`, `Choose the column to ${measure.fn === "count_distinct" ? "count" : "aggregate"}.`);
  const column = dataset.columns.find((c) => c.key === measure.column);
  if (!column) throw new DefinitionError(`${path}.column`, `The dataset has no column "${measure.column}".`);
  if (NUMERIC_ONLY.has(measure.fn) && column.type !== "NUMBER") throw new DefinitionError(`${path}.column`, `${measure.fn} needs a number column; "${column.name}" is ${column.type}.`);
  if (ORDERED.has(measure.fn)) {
    if (column.type === "TEXT" || column.type === "BOOLEAN") throw new DefinitionError(`${path}.column`, `${measure.fn} needs a number or date column; "${column.name}" is ${column.type}.`);
    return { measure, column, type: column.type };
  }
  if (measure.fn === "count_if" || measure.fn === "rate") {
    const value = measure.value ?? "";
    if (value === "") throw new DefinitionError(`${path}.value`, `Enter the value "${column.name}" must equal.`);
    if (column.type === "BOOLEAN" && value !== "true" && value !== "false") throw new DefinitionError(`${path}.value`, `"${column.name}" is a boolean: enter true or false.`);
    if (column.type === "NUMBER") {
      try {
        parseNumber(value, column.name);
      } catch (error) {
        throw new DefinitionError(`${path}.value`, (error as Error).message);
      }
    }
    if (column.type === "DATE" || column.type === "DATETIME") throw new DefinitionError(`${path}.column`, `${measure.fn} compares with one value; choose a text, number or boolean column.`);
  }
  return { measure, column, type: "NUMBER" };
}

export function planWidget(definition: WidgetDefinition, dataset: DatasetPlan): WidgetPlan {
  const groupBy = definition.groupBy.map((key, i) => {
    const column = dataset.columns.find((c) => c.key === key);
    if (!column) throw new DefinitionError(`definition.groupBy.${i}`, `The dataset has no column "${key}".`);
    return column;
  });
  const measures = definition.measures.map((m, i) => planMeasure(m, i, dataset));
  checkFixedFilters(definition.filters, (key) => dataset.columns.find((c) => c.key === key), "The dataset");
  if (definition.sort) {
    const by = definition.sort.by;
    if (!groupBy.some((c) => c.key === by) && !definition.measures.some((m) => m.name === by)) {
      throw new DefinitionError("definition.sort.by", `Sort by a grouped column or a measure; "${by}" is neither.`);
    }
  }
  return { kind: "widget", definition, dataset, groupBy, measures };
}

/** The columns of the rows a resource answers with. */
export function outputColumns(plan: ResourcePlan): PublicColumn[] {
  if (plan.kind === "dataset") return plan.columns.map(({ name, type, description }) => ({ name, type, description }));
  return [
    ...plan.groupBy.map(({ name, type, description }) => ({ name, type, description })),
    ...plan.measures.map(({ measure, column, type }) => ({ name: measure.name, type, description: describeMeasure(measure, column) })),
  ];
}

/** The columns a request may filter on: a dataset's columns; a widget's dataset columns (rows) and measures (groups). */
export function filterColumns(plan: ResourcePlan): PublicColumn[] {
  if (plan.kind === "dataset") return outputColumns(plan);
  return [
    ...plan.dataset.columns.map(({ name, type, description }) => ({ name, type, description })),
    ...plan.measures.map(({ measure, column, type }) => ({ name: measure.name, type, description: describeMeasure(measure, column) })),
  ];
}

export function describeMeasure(measure: Measure, column?: ColumnSpec): string {
  const name = column ? `"${column.name}"` : "";
  switch (measure.fn) {
    case "count":
      return "Number of rows";
    case "count_distinct":
      return `Number of distinct ${name} values`;
    case "sum":
      return `Sum of ${name}`;
    case "avg":
      return `Average of ${name}`;
    case "min":
      return `Smallest ${name}`;
    case "max":
      return `Largest ${name}`;
    case "count_if":
      return `Rows where ${name} is ${measure.value}`;
    case "rate":
      return `Percentage of rows where ${name} is ${measure.value}`;
  }
}
