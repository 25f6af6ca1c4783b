"use client";
// The dataset and widget editor: a dataset picks a source, its columns, fixed filters and an order; a widget picks a
// dataset, up to three columns to group by, its measures, fixed filters and an order. The forms hold the API's own
// definition shape and are checked with the same zod schemas; the server's field errors land next to the fields.
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath, type FieldValues, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { toast } from "sonner";
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, XIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect, fieldClasses } from "@/components/ui/input";
import { ApiError } from "@/lib/api/client";
import { useResources, useSaveResource, useSources } from "@/lib/queries/public-api";
import {
  FIXED_FILTER_LABELS,
  FIXED_FILTER_OPS,
  MEASURE_FUNCTIONS,
  MEASURE_LABELS,
  SOURCE_KEYS,
  SOURCE_LABELS,
  datasetDefinitionSchema,
  widgetDefinitionSchema,
  type DatasetDefinition,
  type FieldType,
  type ResourceDto,
  type SourceColumn,
  type SourceDto,
  type WidgetDefinition,
} from "@/lib/schemas/public-api";
import { cn } from "@/lib/utils";
import { FormFooter } from "@/components/common/form-footer";

const base = { name: z.string().trim().min(1, "Enter a name.").max(100), description: z.string().trim().max(1000) };
const datasetFormSchema = z.object({ ...base, definition: datasetDefinitionSchema });
const widgetFormSchema = z.object({ ...base, definition: widgetDefinitionSchema });
type DatasetForm = z.output<typeof datasetFormSchema>;
type WidgetForm = z.output<typeof widgetFormSchema>;
type DatasetFormInput = z.input<typeof datasetFormSchema>;
type WidgetFormInput = z.input<typeof widgetFormSchema>;
/** What the filter rows need of either form. */
type FiltersHost = { definition: { filters: DatasetForm["definition"]["filters"] } };

const OPS_FOR: Record<FieldType, (typeof FIXED_FILTER_OPS)[number][]> = {
  TEXT: ["matches", "one_of", "not_empty"],
  NUMBER: ["matches", "not_empty"],
  BOOLEAN: ["matches", "not_empty"],
  DATE: ["matches", "last_days", "this_month", "not_empty"],
  DATETIME: ["matches", "last_days", "this_month", "not_empty"],
};

const PLACEHOLDER: Record<string, string> = {
  TEXT: "text it contains (empty: is empty)",
  NUMBER: "12.6 · 12.6, · ,56.3 · 12.6,56.3",
  BOOLEAN: "true or false",
  DATE: "2024-07-01, · ,2024-07-31 · 2024-07-01,2024-07-31",
  DATETIME: "2024-07-01, · ,2024-07-31T12:00",
  one_of: "failed,missed",
  last_days: "7",
};

type EditorTarget = { mode: "create"; kind: "dataset" | "widget"; from?: ResourceDto } | { mode: "edit"; resource: ResourceDto };

/** Puts the server's 422 field messages next to the fields; anything else goes to the banner. */
function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, error: unknown, setBanner: (m: string | null) => void) {
  const fields = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
  for (const [path, message] of fields) form.setError(path as FieldPath<T>, { message });
  setBanner(fields.length ? null : error instanceof Error ? error.message : "The server could not be reached.");
}

/** The first message among a list field's errors (the list's own, or one of its items'). */
function listError(errors: unknown): string | undefined {
  if (!errors || typeof errors !== "object") return undefined;
  const own = errors as { message?: string; root?: { message?: string } };
  const items = Object.values(errors as Record<string, unknown>).map((e) => (e && typeof e === "object" ? (e as { message?: unknown }).message : undefined));
  return own.message ?? own.root?.message ?? items.find((m): m is string => typeof m === "string");
}

function TypeBadge({ type }: { type: FieldType }) {
  return <span className="rounded border px-1 font-mono text-[0.6rem] text-muted-foreground">{type}</span>;
}

function FiltersField({ form, columns }: { form: unknown; columns: SourceColumn[] }) {
  const typed = form as UseFormReturn<FiltersHost>;
  const { fields, append, remove } = useFieldArray({ control: typed.control, name: "definition.filters" });
  const filters = useWatch({ control: typed.control, name: "definition.filters" }) ?? [];
  const errors = typed.formState.errors.definition?.filters;
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Fixed filters</legend>
      <p className="text-xs text-muted-foreground">Always applied, before the request&apos;s own filters. “matches” takes the public grammar.</p>
      {fields.map((field, i) => {
        const column = columns.find((c) => c.key === filters[i]?.column);
        const op = filters[i]?.op;
        const needsValue = op === "matches" || op === "one_of" || op === "last_days";
        const message = errors?.[i]?.value?.message ?? errors?.[i]?.column?.message ?? errors?.[i]?.message;
        return (
          <div key={field.id} className="grid gap-1">
            <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.3fr)_auto]">
              <NativeSelect aria-label={`Filter ${i + 1} column`} {...typed.register(`definition.filters.${i}.column`, { onChange: () => typed.setValue(`definition.filters.${i}.op`, "matches") })}>
                {columns.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.name}
                  </option>
                ))}
              </NativeSelect>
              <Button type="button" variant="ghost" size="icon" className="sm:order-last" onClick={() => remove(i)} aria-label={`Remove filter ${i + 1}`}>
                <XIcon aria-hidden />
              </Button>
              <NativeSelect aria-label={`Filter ${i + 1} condition`} {...typed.register(`definition.filters.${i}.op`)}>
                {(column ? OPS_FOR[column.type] : FIXED_FILTER_OPS).map((o) => (
                  <option key={o} value={o}>
                    {FIXED_FILTER_LABELS[o]}
                  </option>
                ))}
              </NativeSelect>
              <Input
                aria-label={`Filter ${i + 1} value`}
                disabled={!needsValue}
                placeholder={needsValue ? (op === "matches" ? PLACEHOLDER[column?.type ?? "TEXT"] : PLACEHOLDER[op ?? "matches"]) : ""}
                aria-invalid={!!message}
                {...typed.register(`definition.filters.${i}.value`)}
              />
            </div>
            {message ? <p className="text-xs text-destructive">{message}</p> : null}
          </div>
        );
      })}
      <Button type="button" variant="outline" size="sm" className="justify-self-start" disabled={columns.length === 0} onClick={() => append({ column: columns[0]!.key, op: "matches", value: "" })}>
        <PlusIcon aria-hidden />
        Add filter
      </Button>
    </fieldset>
  );
}

function DatasetEditor({ target, sources, onDone }: { target: EditorTarget; sources: SourceDto[]; onDone: () => void }) {
  const save = useSaveResource();
  const [banner, setBanner] = useState<string | null>(null);
  const existing = target.mode === "edit" ? target.resource : target.from;
  const definition = existing?.definition as DatasetDefinition | undefined;
  const form = useForm<DatasetFormInput, unknown, DatasetForm>({
    resolver: zodResolver(datasetFormSchema),
    defaultValues: {
      name: target.mode === "edit" ? existing!.name : existing ? `${existing.name} (copy)` : "",
      description: existing?.description ?? "",
      definition: definition ?? { source: "endpoints", columns: ["name", "customer", "status", "last_backup"], filters: [], sort: { column: "name", direction: "asc" } },
    },
  });
  const { errors, isSubmitting } = form.formState;
  const sourceKey = useWatch({ control: form.control, name: "definition.source" });
  const picked = useWatch({ control: form.control, name: "definition.columns" });
  const sort = useWatch({ control: form.control, name: "definition.sort" });
  const source = sources.find((s) => s.key === sourceKey);
  const columns = source?.columns ?? [];

  function toggleColumn(key: string) {
    const next = picked.includes(key) ? picked.filter((c) => c !== key) : [...picked, key];
    form.setValue("definition.columns", next, { shouldValidate: form.formState.isSubmitted });
  }
  function move(key: string, by: -1 | 1) {
    const i = picked.indexOf(key);
    const j = i + by;
    if (i < 0 || j < 0 || j >= picked.length) return;
    const next = [...picked];
    [next[i], next[j]] = [next[j]!, next[i]!];
    form.setValue("definition.columns", next);
  }

  async function submit(values: DatasetForm) {
    setBanner(null);
    try {
      const body = target.mode === "edit" ? values : { kind: "dataset" as const, ...values };
      const saved = await save.mutateAsync({ id: target.mode === "edit" ? target.resource.id : undefined, body });
      toast.success(target.mode === "edit" ? "Dataset saved" : "Dataset created", { description: `GET /api/dataset/${saved.id}` });
      onDone();
    } catch (error) {
      applyServerErrors(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, error, setBanner);
    }
  }

  return (
    <form className="grid gap-5" onSubmit={form.handleSubmit(submit)} noValidate>
      <FormError message={banner} />
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField id="ds-name" label="Name" error={errors.name?.message}>
          <Input id="ds-name" aria-invalid={!!errors.name} {...form.register("name")} />
        </FormField>
        <FormField id="ds-source" label="Source" hint={source?.description}>
          <NativeSelect
            id="ds-source"
            {...form.register("definition.source", {
              onChange: (e) => {
                const next = sources.find((s) => s.key === e.target.value);
                form.setValue("definition.columns", next ? next.columns.slice(0, 4).map((c) => c.key) : []);
                form.setValue("definition.filters", []);
                form.setValue("definition.sort", null);
              },
            })}
          >
            {SOURCE_KEYS.map((key) => (
              <option key={key} value={key}>
                {SOURCE_LABELS[key]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField id="ds-description" label="Description" error={errors.description?.message}>
        <textarea id="ds-description" rows={2} className={cn(fieldClasses, "h-auto py-2")} {...form.register("description")} />
      </FormField>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Columns</legend>
        <div className="grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border p-2 sm:grid-cols-2 lg:grid-cols-3">
          {columns.map((column) => (
            <label key={column.key} className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-accent/50" title={column.description}>
              <input type="checkbox" className="size-4 accent-[var(--primary)]" checked={picked.includes(column.key)} onChange={() => toggleColumn(column.key)} />
              <span className="min-w-0 flex-1 truncate">{column.name}</span>
              <TypeBadge type={column.type} />
            </label>
          ))}
        </div>
        {picked.length ? (
          <ol className="flex flex-wrap gap-1" aria-label="Column order">
            {picked.map((key, i) => {
              const name = columns.find((c) => c.key === key)?.name ?? key;
              return (
              <li key={key}>
                <Badge variant="secondary" className="gap-0.5 pr-0.5">
                  {i + 1}. {name}
                  <button type="button" className="rounded p-0.5 hover:bg-background" onClick={() => move(key, -1)} aria-label={`Move column ${name} earlier`}>
                    <ArrowUpIcon className="-rotate-90" />
                  </button>
                  <button type="button" className="rounded p-0.5 hover:bg-background" onClick={() => move(key, 1)} aria-label={`Move column ${name} later`}>
                    <ArrowDownIcon className="-rotate-90" />
                  </button>
                </Badge>
              </li>
              );
            })}
          </ol>
        ) : null}
        {errors.definition?.columns ? <p className="text-xs text-destructive">{listError(errors.definition.columns) ?? "Check the columns."}</p> : null}
      </fieldset>
      <FiltersField form={form} columns={columns} />
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField id="ds-sort" label="Order by" error={errors.definition?.sort?.column?.message}>
          <NativeSelect
            id="ds-sort"
            value={sort?.column ?? ""}
            onChange={(e) => form.setValue("definition.sort", e.target.value ? { column: e.target.value, direction: sort?.direction ?? "asc" } : null)}
          >
            <option value="">(stable, unspecified)</option>
            {columns.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="ds-direction" label="Direction">
          <NativeSelect id="ds-direction" disabled={!sort} value={sort?.direction ?? "asc"} onChange={(e) => sort && form.setValue("definition.sort", { ...sort, direction: e.target.value as "asc" | "desc" })}>
            <option value="asc">Ascending (empty values last)</option>
            <option value="desc">Descending (empty values last)</option>
          </NativeSelect>
        </FormField>
      </div>
      <FormFooter onCancel={onDone} pending={isSubmitting} label={target.mode === "edit" ? "Save dataset" : "Create dataset"} />
    </form>
  );
}

function WidgetEditor({ target, sources, onDone }: { target: EditorTarget; sources: SourceDto[]; onDone: () => void }) {
  const save = useSaveResource();
  const datasets = useResources({ kind: "dataset", pageSize: 200, sort: "name", order: "asc" });
  const [banner, setBanner] = useState<string | null>(null);
  const existing = target.mode === "edit" ? target.resource : target.from;
  const form = useForm<WidgetFormInput, unknown, WidgetForm>({
    resolver: zodResolver(widgetFormSchema),
    defaultValues: {
      name: target.mode === "edit" ? existing!.name : existing ? `${existing.name} (copy)` : "",
      description: existing?.description ?? "",
      definition: (existing?.definition as WidgetDefinition | undefined) ?? { datasetId: "ds_endpoints_last_backup", groupBy: ["status"], measures: [{ name: "Count", fn: "count" }], filters: [], sort: null },
    },
  });
  const { errors, isSubmitting } = form.formState;
  const measures = useFieldArray({ control: form.control, name: "definition.measures" });
  const datasetId = useWatch({ control: form.control, name: "definition.datasetId" });
  const groupBy = useWatch({ control: form.control, name: "definition.groupBy" }) ?? [];
  const measureValues = useWatch({ control: form.control, name: "definition.measures" });
  const sort = useWatch({ control: form.control, name: "definition.sort" });
  const dataset = datasets.data?.items.find((d) => d.id === datasetId);
  const datasetDefinition = dataset?.definition as DatasetDefinition | undefined;
  const catalog = sources.find((s) => s.key === datasetDefinition?.source)?.columns ?? [];
  const columns = (datasetDefinition?.columns ?? []).map((key) => catalog.find((c) => c.key === key)).filter((c): c is SourceColumn => !!c);

  async function submit(values: WidgetForm) {
    setBanner(null);
    try {
      const body = target.mode === "edit" ? values : { kind: "widget" as const, ...values };
      const saved = await save.mutateAsync({ id: target.mode === "edit" ? target.resource.id : undefined, body });
      toast.success(target.mode === "edit" ? "Widget saved" : "Widget created", { description: `GET /api/widget/${saved.id}` });
      onDone();
    } catch (error) {
      applyServerErrors(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, error, setBanner);
    }
  }

  if (!datasets.data) return <p className="text-sm text-muted-foreground">{datasets.isError ? `Could not load the datasets: ${datasets.error.message}` : "Loading…"}</p>;

  const sortOptions = [...groupBy.map((key) => ({ value: key, label: columns.find((c) => c.key === key)?.name ?? key })), ...measureValues.filter((m) => m.name).map((m) => ({ value: m.name, label: m.name }))];

  return (
    <form className="grid gap-5" onSubmit={form.handleSubmit(submit)} noValidate>
      <FormError message={banner} />
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField id="wg-name" label="Name" error={errors.name?.message}>
          <Input id="wg-name" aria-invalid={!!errors.name} {...form.register("name")} />
        </FormField>
        <FormField id="wg-dataset" label="Dataset" error={errors.definition?.datasetId?.message} hint="The rows the widget aggregates.">
          <NativeSelect
            id="wg-dataset"
            {...form.register("definition.datasetId", {
              onChange: () => {
                form.setValue("definition.groupBy", []);
                form.setValue("definition.filters", []);
                form.setValue("definition.sort", null);
                form.setValue("definition.measures", [{ name: "Count", fn: "count" }]);
              },
            })}
          >
            {datasets.data?.items.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
                {d.builtIn ? "" : " (custom)"}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField id="wg-description" label="Description" error={errors.description?.message}>
        <textarea id="wg-description" rows={2} className={cn(fieldClasses, "h-auto py-2")} {...form.register("description")} />
      </FormField>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Group by</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <NativeSelect
              key={i}
              aria-label={`Group ${i + 1}`}
              disabled={i > groupBy.length}
              value={groupBy[i] ?? ""}
              onChange={(e) => {
                const next = [...groupBy];
                if (e.target.value) next[i] = e.target.value;
                else next.splice(i);
                form.setValue("definition.groupBy", next.filter(Boolean), { shouldValidate: form.formState.isSubmitted });
              }}
            >
              <option value="">{i === 0 ? "(no grouping: one row)" : "(none)"}</option>
              {columns.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          ))}
        </div>
        {errors.definition?.groupBy ? <p className="text-xs text-destructive">{listError(errors.definition.groupBy)}</p> : null}
      </fieldset>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Measures</legend>
        <p className="text-xs text-muted-foreground">Each measure is a value in every row (a string, as MSPbots answers), and a filter after grouping.</p>
        {measures.fields.map((field, i) => {
          const fn = measureValues[i]?.fn;
          const needsColumn = fn && fn !== "count";
          const needsValue = fn === "count_if" || fn === "rate";
          const error = errors.definition?.measures?.[i];
          const message = error?.name?.message ?? error?.column?.message ?? error?.value?.message;
          return (
            <div key={field.id} className="grid gap-1">
              <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,0.8fr)_auto]">
                <Input aria-label={`Measure ${i + 1} name`} placeholder="Name, e.g. Success Rate" aria-invalid={!!error?.name} {...form.register(`definition.measures.${i}.name`)} />
                <Button type="button" variant="ghost" size="icon" className="sm:order-last" onClick={() => measures.remove(i)} disabled={measures.fields.length === 1} aria-label={`Remove measure ${i + 1}`}>
                  <XIcon aria-hidden />
                </Button>
                <NativeSelect aria-label={`Measure ${i + 1} function`} {...form.register(`definition.measures.${i}.fn`)}>
                  {MEASURE_FUNCTIONS.map((f) => (
                    <option key={f} value={f}>
                      {MEASURE_LABELS[f]}
                    </option>
                  ))}
                </NativeSelect>
                <NativeSelect aria-label={`Measure ${i + 1} column`} disabled={!needsColumn} aria-invalid={!!error?.column} {...form.register(`definition.measures.${i}.column`, { setValueAs: (v) => (v === "" ? undefined : v) })}>
                  <option value="">(column)</option>
                  {columns.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.name}
                    </option>
                  ))}
                </NativeSelect>
                <Input aria-label={`Measure ${i + 1} value`} disabled={!needsValue} placeholder={needsValue ? "equals, e.g. success" : ""} aria-invalid={!!error?.value} {...form.register(`definition.measures.${i}.value`, { setValueAs: (v) => (v === "" ? undefined : v) })} />
              </div>
              {message ? <p className="text-xs text-destructive">{message}</p> : null}
            </div>
          );
        })}
        {errors.definition?.measures?.root?.message || errors.definition?.measures?.message ? (
          <p className="text-xs text-destructive">{errors.definition.measures.root?.message ?? errors.definition.measures.message}</p>
        ) : null}
        <Button type="button" variant="outline" size="sm" className="justify-self-start" disabled={measures.fields.length >= 10} onClick={() => measures.append({ name: "", fn: "count" })}>
          <PlusIcon aria-hidden />
          Add measure
        </Button>
      </fieldset>
      <FiltersField form={form} columns={columns} />
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField id="wg-sort" label="Order by" error={errors.definition?.sort?.by?.message}>
          <NativeSelect id="wg-sort" value={sort?.by ?? ""} onChange={(e) => form.setValue("definition.sort", e.target.value ? { by: e.target.value, direction: sort?.direction ?? "desc" } : null)}>
            <option value="">The groups, in order</option>
            {sortOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="wg-direction" label="Direction">
          <NativeSelect id="wg-direction" disabled={!sort} value={sort?.direction ?? "desc"} onChange={(e) => sort && form.setValue("definition.sort", { ...sort, direction: e.target.value as "asc" | "desc" })}>
            <option value="desc">Descending</option>
            <option value="asc">Ascending</option>
          </NativeSelect>
        </FormField>
      </div>
      <FormFooter onCancel={onDone} pending={isSubmitting} label={target.mode === "edit" ? "Save widget" : "Create widget"} />
    </form>
  );
}

export type { EditorTarget };

export function ResourceEditor({ target, onDone }: { target: EditorTarget; onDone: () => void }) {
  const sources = useSources();
  if (!sources.data) return <p className="text-sm text-muted-foreground">{sources.isError ? `Could not load the sources: ${sources.error.message}` : "Loading…"}</p>;
  const kind = target.mode === "edit" ? target.resource.kind : target.kind;
  return kind === "dataset" ? <DatasetEditor target={target} sources={sources.data} onDone={onDone} /> : <WidgetEditor target={target} sources={sources.data} onDone={onDone} />;
}
