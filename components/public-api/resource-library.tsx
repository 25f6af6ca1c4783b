"use client";
// Datasets and widgets: the built-in ones and the admins' own, searchable, each with its endpoint, columns and a
// sample response; admins create, edit, duplicate and remove their own.
import { useState } from "react";
import { toast } from "sonner";
import { ChevronRightIcon, CopyPlusIcon, DatabaseIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { SearchInput } from "@/components/common/search-input";
import { useUrlState } from "@/components/common/use-url-state";
import { useDeleteResource, useResourcePreview, useResources } from "@/lib/queries/public-api";
import type { ResourceDto, ResourceKind } from "@/lib/schemas/public-api";
import { cn } from "@/lib/utils";
import { ResourceEditor, type EditorTarget } from "./resource-editor";
import { ResourceBadges, ResourceMeta } from "./resource-picker";

function ResourceItem({ resource, onEdit, onDuplicate, onDelete }: { resource: ResourceDto; onEdit: () => void; onDuplicate: () => void; onDelete: () => void }) {
  const [open, setOpen] = useState(false);
  const preview = useResourcePreview(resource.id, undefined, open);
  return (
    <li className="rounded-lg border bg-card shadow-xs">
      <div className="grid gap-3 p-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="grid min-w-0 gap-1">
            <h3 className="font-semibold">{resource.name}</h3>
            <p className="font-mono text-xs text-muted-foreground">
              GET /api/{resource.kind}/{resource.id}
            </p>
          </div>
          <div className="flex gap-1">
            {resource.builtIn ? null : (
              <Button variant="ghost" size="icon" onClick={onEdit} aria-label={`Edit ${resource.name}`} title="Edit">
                <PencilIcon aria-hidden />
              </Button>
            )}
            <Button variant="ghost" size="icon" onClick={onDuplicate} aria-label={`Duplicate ${resource.name}`} title="Duplicate">
              <CopyPlusIcon aria-hidden />
            </Button>
            {resource.builtIn ? null : (
              <Button variant="ghost" size="icon" onClick={onDelete} aria-label={`Remove ${resource.name}`} title="Remove">
                <Trash2Icon aria-hidden />
              </Button>
            )}
          </div>
        </div>
        {resource.description ? <p className="text-sm text-muted-foreground">{resource.description}</p> : null}
        <ResourceBadges resource={resource} />
        <p className="text-xs">
          <span className="text-muted-foreground">Columns: </span>
          {resource.columns.map((c, i) => (
            <span key={c.name}>
              {i ? ", " : ""}
              {c.name} <span className="font-mono text-[0.65rem] text-muted-foreground">{c.type}</span>
            </span>
          ))}
        </p>
        <ResourceMeta resource={resource} />
      </div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-1 border-t px-4 py-2 text-left text-sm font-medium hover:bg-accent/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <ChevronRightIcon className={cn("size-4 transition-transform", open && "rotate-90")} aria-hidden />
        Sample response
      </button>
      {open ? (
        <div className="border-t p-4">
          {preview.isPending ? (
            <Skeleton className="h-32 w-full" />
          ) : preview.isError ? (
            <p className="text-sm text-destructive">Could not load a sample: {preview.error.message}</p>
          ) : (
            <pre className="max-h-80 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">{JSON.stringify(preview.data, null, 2)}</pre>
          )}
        </div>
      ) : null}
    </li>
  );
}

export function ResourceLibrary() {
  const url = useUrlState();
  const kind = (url.get("kind", "dataset") === "widget" ? "widget" : "dataset") as ResourceKind;
  const q = url.get("q");
  const origin = url.get("origin", "all") as "all" | "builtin" | "custom";
  const pageSize = 10;
  const resources = useResources({ kind, q: q || undefined, origin, sort: "name", order: "asc", page: url.page, pageSize });
  const remove = useDeleteResource();
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [deleting, setDeleting] = useState<ResourceDto | null>(null);
  const noun = kind === "dataset" ? "datasets" : "widgets";

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      toast.success(`${deleting.kind === "dataset" ? "Dataset" : "Widget"} removed`, { description: deleting.name });
      setDeleting(null);
    } catch (error) {
      toast.error("Could not remove it", { description: (error as Error).message });
    }
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Tabs value={kind} onValueChange={(v) => url.set({ kind: v === "dataset" ? null : v, q: null })}>
          <TabsList>
            <TabsTrigger value="dataset" withoutPanel>Datasets</TabsTrigger>
            <TabsTrigger value="widget" withoutPanel>Widgets</TabsTrigger>
          </TabsList>
        </Tabs>
        <Button onClick={() => setEditing({ mode: "create", kind })}>
          <PlusIcon aria-hidden />
          New {kind}
        </Button>
      </div>
      <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_14rem]">
        <SearchInput value={q} onChange={(value) => url.set({ q: value })} placeholder={`Search ${noun}…`} label={`Search ${noun}`} />
        <NativeSelect aria-label="Origin" value={origin} onChange={(e) => url.set({ origin: e.target.value === "all" ? null : e.target.value })}>
          <option value="all">Built-in and custom</option>
          <option value="builtin">Built-in</option>
          <option value="custom">Custom</option>
        </NativeSelect>
      </div>
      {resources.isPending ? (
        <LoadingRows rows={4} />
      ) : resources.isError ? (
        <LoadError error={resources.error} onRetry={() => resources.refetch()} />
      ) : resources.data.items.length === 0 ? (
        <EmptyState icon={DatabaseIcon} title={`No ${noun} match`} description="Change the search, or create one." />
      ) : (
        <Card className="border-0 bg-transparent shadow-none">
          <ul className={cn("grid gap-3", resources.isPlaceholderData && "opacity-60")} aria-label={noun}>
            {resources.data.items.map((resource) => (
              <ResourceItem
                key={resource.id}
                resource={resource}
                onEdit={() => setEditing({ mode: "edit", resource })}
                onDuplicate={() => setEditing({ mode: "create", kind: resource.kind, from: resource })}
                onDelete={() => setDeleting(resource)}
              />
            ))}
          </ul>
        </Card>
      )}
      {resources.data && resources.data.total > pageSize ? (
        <Pagination page={url.page} pageSize={pageSize} total={resources.data.total} noun={noun} onPageChange={(page) => url.set({ page: page > 1 ? page : null }, { keepPage: true })} />
      ) : null}

      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent className="max-w-3xl sm:max-w-3xl">
          <DialogHeader>
            <DialogTitle>
              {editing?.mode === "edit" ? `Edit ${editing.resource.name}` : editing?.from ? `Duplicate ${editing.from.name}` : `New ${editing?.mode === "create" ? editing.kind : ""}`}
            </DialogTitle>
            <DialogDescription>
              {(editing?.mode === "edit" ? editing.resource.kind : editing?.kind) === "widget"
                ? "A widget groups a dataset's rows and measures each group."
                : "A dataset is a saved query over the synced data: a source, its columns, fixed filters and an order."}
            </DialogDescription>
          </DialogHeader>
          {editing ? <ResourceEditor target={editing} onDone={() => setEditing(null)} /> : null}
        </DialogContent>
      </Dialog>

      <Dialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Remove {deleting?.name}?</DialogTitle>
            <DialogDescription>
              {deleting?.keyCount ? `${deleting.keyCount} ${deleting.keyCount === 1 ? "key is" : "keys are"} bound to it and lose access at once.` : "No key is bound to it."}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button variant="destructive" onClick={confirmDelete} disabled={remove.isPending}>
              Confirm
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
