"use client";
// The Add Dataset / Add Widget window: a searchable, filterable, paged list to pick several from, a Selected view
// where picks can be removed again, and Add Selected.
import { useState } from "react";
import { toast } from "sonner";
import { CheckIcon, XIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { SearchInput } from "@/components/common/search-input";
import { useAddBindings, useResources } from "@/lib/queries/public-api";
import { SOURCE_KEYS, SOURCE_LABELS, type ResourceDto, type ResourceKind, type SourceKey } from "@/lib/schemas/public-api";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";

export const when = (iso: string | null) => formatDateTime(iso);

export function ResourceMeta({ resource }: { resource: ResourceDto }) {
  const items: [string, string][] = [
    ["Created", when(resource.createdAt)],
    ["Last modified", when(resource.updatedAt)],
    ["Last synced", when(resource.lastSyncedAt)],
    ["Owner", resource.owner],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="grid min-w-0">
          <dt className="text-[0.65rem] font-medium tracking-wide text-muted-foreground uppercase">{label}</dt>
          <dd className="truncate tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ResourceBadges({ resource }: { resource: ResourceDto }) {
  return (
    <span className="flex flex-wrap gap-1">
      <Badge variant="secondary">{resource.sourceLabel}</Badge>
      <Badge variant={resource.builtIn ? "outline" : "default"}>{resource.builtIn ? "Built-in" : "Custom"}</Badge>
      {resource.dataset ? <Badge variant="outline">Dataset: {resource.dataset.name}</Badge> : null}
      <Badge variant="outline">
        {resource.keyCount} {resource.keyCount === 1 ? "key" : "keys"}
      </Badge>
    </span>
  );
}

const title = (kind: ResourceKind) => (kind === "dataset" ? "Dataset" : "Widget");

export function ResourcePicker({ kind, keyId, bound, open, onOpenChange }: { kind: ResourceKind; keyId: string; bound: Set<string>; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [q, setQ] = useState("");
  const [source, setSource] = useState<SourceKey | "">("");
  const [origin, setOrigin] = useState<"all" | "builtin" | "custom">("all");
  const [sort, setSort] = useState("updatedAt:desc");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [selected, setSelected] = useState<Map<string, ResourceDto>>(new Map());
  const [view, setView] = useState("list");
  const [sortKey, order] = sort.split(":") as ["updatedAt" | "name", "asc" | "desc"];
  const resources = useResources({ kind, q: q || undefined, source: source || undefined, origin, sort: sortKey, order, page, pageSize }, open);
  const add = useAddBindings(keyId);
  const noun = kind === "dataset" ? "datasets" : "widgets";

  function toggle(resource: ResourceDto) {
    const next = new Map(selected);
    if (next.has(resource.id)) next.delete(resource.id);
    else next.set(resource.id, resource);
    setSelected(next);
  }

  function close(next: boolean) {
    if (!next) {
      setSelected(new Map());
      setView("list");
    }
    onOpenChange(next);
  }

  async function addSelected() {
    try {
      await add.mutateAsync({ resourceType: kind, resourceIds: [...selected.keys()] });
      toast.success(`${selected.size} ${selected.size === 1 ? title(kind).toLowerCase() : noun} bound to the key`);
      close(false);
    } catch (error) {
      toast.error(`Could not add the ${noun}`, { description: (error as Error).message });
    }
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="max-w-5xl sm:max-w-5xl [&>*]:min-w-0">
        <DialogHeader>
          <DialogTitle>Add {title(kind)}</DialogTitle>
          <DialogDescription>Select the {noun} this key may read. Customers call each one at its own endpoint.</DialogDescription>
        </DialogHeader>
        <Tabs value={view} onValueChange={setView} className="grid min-w-0 gap-3">
          <TabsList className="justify-self-start">
            <TabsTrigger value="list">{title(kind)}s list</TabsTrigger>
            <TabsTrigger value="selected">Selected ({selected.size})</TabsTrigger>
          </TabsList>
          <TabsContent value="list" className="grid min-w-0 gap-3">
            <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_auto_auto_auto]">
              <SearchInput
                id="picker-search"
                value={q}
                onChange={(value) => {
                  setQ(value);
                  setPage(1);
                }}
                placeholder={`Search ${noun}…`}
                label={`Search ${noun}`}
              />
              <NativeSelect
                aria-label="Source"
                value={source}
                onChange={(e) => {
                  setSource(e.target.value as SourceKey | "");
                  setPage(1);
                }}
              >
                <option value="">All sources</option>
                {SOURCE_KEYS.map((key) => (
                  <option key={key} value={key}>
                    {SOURCE_LABELS[key]}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect
                aria-label="Origin"
                value={origin}
                onChange={(e) => {
                  setOrigin(e.target.value as typeof origin);
                  setPage(1);
                }}
              >
                <option value="all">Built-in and custom</option>
                <option value="builtin">Built-in</option>
                <option value="custom">Custom</option>
              </NativeSelect>
              <NativeSelect aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value)}>
                <option value="updatedAt:desc">Last modified ↓</option>
                <option value="updatedAt:asc">Last modified ↑</option>
                <option value="name:asc">Name A–Z</option>
                <option value="name:desc">Name Z–A</option>
              </NativeSelect>
            </div>
            {resources.isPending ? (
              <LoadingRows rows={4} />
            ) : resources.isError ? (
              <LoadError error={resources.error} onRetry={() => resources.refetch()} />
            ) : resources.data.items.length === 0 ? (
              <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">No {noun} match. Create one under Datasets and widgets.</p>
            ) : (
              <ul className={cn("grid max-h-[50vh] gap-2 overflow-y-auto pr-1", resources.isPlaceholderData && "opacity-60")} aria-label={`${title(kind)}s`}>
                {resources.data.items.map((resource) => {
                  const isBound = bound.has(resource.id);
                  const checked = isBound || selected.has(resource.id);
                  return (
                    <li key={resource.id}>
                      <label
                        className={cn(
                          "grid cursor-pointer grid-cols-[auto_minmax(0,1fr)] gap-3 rounded-lg border p-3 transition-colors hover:bg-accent/40 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                          checked && "border-primary/50 bg-primary/5",
                          isBound && "cursor-default opacity-70",
                        )}
                      >
                        <input type="checkbox" className="mt-1 size-4 accent-[var(--primary)]" checked={checked} disabled={isBound} onChange={() => toggle(resource)} aria-label={resource.name} />
                        <span className="grid min-w-0 gap-2">
                          <span className="flex flex-wrap items-center gap-2">
                            <span className="font-medium">{resource.name}</span>
                            {isBound ? (
                              <Badge variant="success">
                                <CheckIcon aria-hidden />
                                Bound
                              </Badge>
                            ) : null}
                          </span>
                          <span className="line-clamp-2 text-sm text-muted-foreground">{resource.description || "No description."}</span>
                          <ResourceBadges resource={resource} />
                          <ResourceMeta resource={resource} />
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            )}
            {resources.data ? (
              <Pagination
                page={page}
                pageSize={pageSize}
                total={resources.data.total}
                noun={noun}
                pageSizes={[10, 20, 50]}
                onPageChange={setPage}
                onPageSizeChange={(size) => {
                  setPageSize(size);
                  setPage(1);
                }}
              />
            ) : null}
          </TabsContent>
          <TabsContent value="selected" className="grid gap-2">
            {selected.size === 0 ? (
              <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">Nothing selected yet: tick {noun} in the list.</p>
            ) : (
              <ul className="grid max-h-[50vh] gap-2 overflow-y-auto" aria-label={`Selected ${noun}`}>
                {[...selected.values()].map((resource) => (
                  <li key={resource.id} className="flex items-center justify-between gap-2 rounded-lg border p-3">
                    <span className="grid min-w-0">
                      <span className="truncate font-medium">{resource.name}</span>
                      <span className="truncate font-mono text-xs text-muted-foreground">{resource.id}</span>
                    </span>
                    <Button variant="ghost" size="icon" onClick={() => toggle(resource)} aria-label={`Remove ${resource.name} from the selection`}>
                      <XIcon aria-hidden />
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </TabsContent>
        </Tabs>
        <DialogFooter>
          <Button variant="outline" onClick={() => close(false)}>
            Cancel
          </Button>
          <Button onClick={addSelected} disabled={selected.size === 0 || add.isPending}>
            Add Selected{selected.size ? ` (${selected.size})` : ""}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
