// Datasets and widgets of the Public API: the built-in ones (in code, fixed ids) and those admins create (in the
// database). Resolves an id into a checked plan for the query layer, lists them for the pickers, and keeps admins'
// edits consistent (a widget's dataset cannot disappear under it; every change is audited).
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import {
  createResourceInputSchema,
  datasetDefinitionSchema,
  updateResourceInputSchema,
  widgetDefinitionSchema,
  type DatasetDefinition,
  type ResourceDto,
  type ResourceKind,
  type ResourceListQuery,
  type WidgetDefinition,
} from "@/lib/schemas/public-api";
import { BUILT_IN_DATASETS, BUILT_IN_OWNER, BUILT_IN_SINCE, BUILT_IN_WIDGETS, builtInDataset, builtInWidget } from "@/lib/public-api/builtins";
import { DefinitionError, filterColumns, outputColumns, planDataset, planWidget, type DatasetPlan, type ResourcePlan } from "@/lib/public-api/plan";
import { SOURCES } from "@/lib/public-api/sources";
import { recordAudit } from "./audit";

/** A dataset or widget with its definition, wherever it is kept. */
export interface Resource {
  id: string;
  kind: ResourceKind;
  name: string;
  description: string;
  builtIn: boolean;
  definition: DatasetDefinition | WidgetDefinition;
  owner: string;
  createdAt: Date;
  updatedAt: Date;
}

const since = new Date(BUILT_IN_SINCE);
const builtIns: Resource[] = [
  ...BUILT_IN_DATASETS.map((d) => ({ ...d, kind: "dataset" as const, builtIn: true, owner: BUILT_IN_OWNER, createdAt: since, updatedAt: since })),
  ...BUILT_IN_WIDGETS.map((w) => ({ ...w, kind: "widget" as const, builtIn: true, owner: BUILT_IN_OWNER, createdAt: since, updatedAt: since })),
];

type ResourceRow = { id: string; kind: string; name: string; description: string; definition: unknown; ownerLabel: string | null; createdAt: Date; updatedAt: Date };

function fromRow(row: ResourceRow): Resource {
  const kind = row.kind === "widget" ? "widget" : "dataset";
  return {
    id: row.id,
    kind,
    name: row.name,
    description: row.description,
    builtIn: false,
    definition: kind === "widget" ? widgetDefinitionSchema.parse(row.definition) : datasetDefinitionSchema.parse(row.definition),
    owner: row.ownerLabel ?? "Unknown",
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findResource(kind: ResourceKind, id: string): Promise<Resource | null> {
  const builtIn = kind === "dataset" ? builtInDataset(id) : builtInWidget(id);
  if (builtIn) return builtIns.find((r) => r.id === id)!;
  const row = await db().publicApiResource.findUnique({ where: { id } });
  return row && row.kind === kind ? fromRow(row) : null;
}

async function datasetPlan(id: string): Promise<DatasetPlan | null> {
  const dataset = await findResource("dataset", id);
  return dataset ? planDataset(dataset.definition as DatasetDefinition) : null;
}

/** The checked plan of a resource, or null when it does not exist (or a widget's dataset no longer does). */
export async function resourcePlan(resource: Resource): Promise<ResourcePlan | null> {
  if (resource.kind === "dataset") return planDataset(resource.definition as DatasetDefinition);
  const definition = resource.definition as WidgetDefinition;
  const dataset = await datasetPlan(definition.datasetId);
  return dataset ? planWidget(definition, dataset) : null;
}

async function lastSyncedAt(): Promise<string | null> {
  // The data is as fresh as the connection that synced least recently.
  const connections = await db().connection.findMany({ where: { enabled: true }, select: { lastSyncSuccessAt: true } });
  const times = connections.map((c) => c.lastSyncSuccessAt?.getTime()).filter((t): t is number => t !== undefined);
  return times.length ? new Date(Math.min(...times)).toISOString() : null;
}

async function toDtos(resources: Resource[]): Promise<ResourceDto[]> {
  if (resources.length === 0) return [];
  const [synced, counts, datasetNames] = await Promise.all([
    lastSyncedAt(),
    db().publicApiBinding.groupBy({ by: ["resourceId"], where: { resourceId: { in: resources.map((r) => r.id) } }, _count: { _all: true } }),
    datasetNamesOf(resources),
  ]);
  const out: ResourceDto[] = [];
  for (const resource of resources) {
    const plan = await resourcePlan(resource).catch(() => null);
    const datasetId = resource.kind === "widget" ? (resource.definition as WidgetDefinition).datasetId : null;
    const source = plan ? (plan.kind === "dataset" ? plan.source.key : plan.dataset.source.key) : "endpoints";
    out.push({
      id: resource.id,
      kind: resource.kind,
      name: resource.name,
      description: resource.description,
      builtIn: resource.builtIn,
      source,
      sourceLabel: SOURCES[source].label,
      dataset: datasetId ? { id: datasetId, name: datasetNames.get(datasetId) ?? "(removed)" } : null,
      columns: plan ? outputColumns(plan) : [],
      filterColumns: plan ? filterColumns(plan) : [],
      definition: resource.definition,
      owner: resource.owner,
      createdAt: resource.createdAt.toISOString(),
      updatedAt: resource.updatedAt.toISOString(),
      lastSyncedAt: synced,
      keyCount: counts.find((c) => c.resourceId === resource.id)?._count._all ?? 0,
    });
  }
  return out;
}

async function datasetNamesOf(resources: Resource[]): Promise<Map<string, string>> {
  const ids = [...new Set(resources.filter((r) => r.kind === "widget").map((r) => (r.definition as WidgetDefinition).datasetId))];
  const names = new Map<string, string>();
  for (const id of ids) {
    const builtIn = builtInDataset(id);
    if (builtIn) names.set(id, builtIn.name);
  }
  const custom = ids.filter((id) => !names.has(id));
  if (custom.length) for (const row of await db().publicApiResource.findMany({ where: { id: { in: custom } }, select: { id: true, name: true } })) names.set(row.id, row.name);
  return names;
}

/** The pickers' list (Add Dataset, Add Widget). Admin-made resources are few (hand-made), so they are merged in memory. */
export async function listResources(query: ResourceListQuery) {
  const rows = query.origin === "builtin" ? [] : await db().publicApiResource.findMany({ where: { kind: query.kind } });
  let resources = [...(query.origin === "custom" ? [] : builtIns.filter((r) => r.kind === query.kind)), ...rows.map(fromRow)];
  if (query.q) {
    const q = query.q.toLowerCase();
    resources = resources.filter((r) => r.name.toLowerCase().includes(q) || r.description.toLowerCase().includes(q) || r.id.includes(q));
  }
  const dtosNeeded = query.source ? await toDtos(resources) : null;
  if (query.source) resources = resources.filter((_, i) => dtosNeeded![i]!.source === query.source);
  const factor = query.order === "asc" ? 1 : -1;
  resources.sort((a, b) => {
    const primary = query.sort === "name" ? a.name.localeCompare(b.name) : a[query.sort].getTime() - b[query.sort].getTime();
    return factor * primary || a.name.localeCompare(b.name);
  });
  const page = resources.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return { items: await toDtos(page), total: resources.length, page: query.page, pageSize: query.pageSize };
}

export async function getResource(id: string): Promise<ResourceDto> {
  const resource = await findResource(id.startsWith("wg_") ? "widget" : "dataset", id);
  if (!resource) throw new AppError("not_found", "No such dataset or widget.");
  return (await toDtos([resource]))[0]!;
}

function newId(kind: ResourceKind): string {
  // 20 characters of a-z0-9: about 100 bits, never guessed, and never one of the built-in ids (they contain words).
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = randomBytes(20);
  return `${kind === "dataset" ? "ds" : "wg"}_${Array.from(bytes, (b) => alphabet[b % 36]).join("")}`;
}

/** Checks a definition as the public endpoint would run it; a problem becomes a 422 naming the field. */
async function checkDefinition(kind: ResourceKind, definition: DatasetDefinition | WidgetDefinition): Promise<void> {
  try {
    if (kind === "dataset") {
      planDataset(definition as DatasetDefinition);
      return;
    }
    const widget = definition as WidgetDefinition;
    const dataset = await datasetPlan(widget.datasetId);
    if (!dataset) throw new DefinitionError("definition.datasetId", `There is no dataset "${widget.datasetId}".`);
    planWidget(widget, dataset);
  } catch (error) {
    if (error instanceof DefinitionError) throw new AppError("validation_failed", error.message, [{ path: error.path, message: error.message }]);
    throw error;
  }
}

/** Widgets built on a dataset must still be valid after the dataset changes. */
async function checkDependentWidgets(datasetId: string, definition: DatasetDefinition): Promise<void> {
  const plan = planDataset(definition);
  const widgets = await db().publicApiResource.findMany({ where: { kind: "widget", datasetId } });
  const broken: string[] = [];
  for (const widget of widgets.map(fromRow)) {
    try {
      planWidget(widget.definition as WidgetDefinition, plan);
    } catch {
      broken.push(widget.name);
    }
  }
  if (broken.length) {
    throw new AppError("conflict", `The widgets ${broken.map((n) => `"${n}"`).join(", ")} use columns this change removes. Change them first.`, [
      { path: "definition.columns", message: "Widgets use a column this change removes." },
    ]);
  }
}

export async function createResource(actor: Actor, input: unknown): Promise<ResourceDto> {
  const data = createResourceInputSchema.parse(input);
  await checkDefinition(data.kind, data.definition);
  const row = await db().publicApiResource.create({
    data: {
      id: newId(data.kind),
      kind: data.kind,
      name: data.name,
      description: data.description,
      definition: data.definition as never,
      datasetId: data.kind === "widget" ? data.definition.datasetId : null,
      ownerId: actor.id ?? null,
      ownerLabel: actor.label ?? null,
    },
  });
  await recordAudit(actor, { action: `public_api.${data.kind}.create`, outcome: "success", target: { type: `public_api_${data.kind}`, id: row.id, label: row.name }, details: { definition: data.definition } });
  return getResource(row.id);
}

async function customRow(id: string) {
  if (builtInDataset(id) || builtInWidget(id)) throw new AppError("forbidden", "Built-in datasets and widgets cannot be changed; duplicate one and change the copy.");
  const row = await db().publicApiResource.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such dataset or widget.");
  return row;
}

export async function updateResource(actor: Actor, id: string, input: unknown): Promise<ResourceDto> {
  const data = updateResourceInputSchema.parse(input);
  const row = await customRow(id);
  const kind = row.kind as ResourceKind;
  let definition: DatasetDefinition | WidgetDefinition | undefined;
  if (data.definition) {
    // The union parses either shape: re-parse as this resource's kind so a widget cannot become a dataset.
    const parsed = (kind === "widget" ? widgetDefinitionSchema : datasetDefinitionSchema).safeParse(data.definition);
    if (!parsed.success) throw new AppError("validation_failed", `This is a ${kind}: send a ${kind} definition.`, [{ path: "definition", message: `Not a ${kind} definition.` }]);
    definition = parsed.data;
    await checkDefinition(kind, definition);
    if (kind === "dataset") await checkDependentWidgets(id, definition as DatasetDefinition);
  }
  await db().publicApiResource.update({
    where: { id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      ...(definition ? { definition: definition as never, datasetId: kind === "widget" ? (definition as WidgetDefinition).datasetId : null } : {}),
    },
  });
  await recordAudit(actor, {
    action: `public_api.${kind}.update`,
    outcome: "success",
    target: { type: `public_api_${kind}`, id, label: data.name ?? row.name },
    details: { changed: Object.keys(data), ...(definition ? { definition } : {}) },
  });
  return getResource(id);
}

export async function deleteResource(actor: Actor, id: string): Promise<void> {
  const row = await customRow(id);
  if (row.kind === "dataset") {
    const widgets = await db().publicApiResource.findMany({ where: { kind: "widget", datasetId: id }, select: { name: true } });
    if (widgets.length) throw new AppError("conflict", `Widgets are built on this dataset (${widgets.map((w) => `"${w.name}"`).join(", ")}). Remove them first.`);
  }
  // Keys bound to it lose access at once.
  const [, unbound] = await db().$transaction([
    db().publicApiResource.delete({ where: { id } }),
    db().publicApiBinding.deleteMany({ where: { resourceId: id } }),
  ]);
  await recordAudit(actor, { action: `public_api.${row.kind}.delete`, outcome: "success", target: { type: `public_api_${row.kind}`, id, label: row.name }, details: { bindingsRemoved: unbound.count } });
}
