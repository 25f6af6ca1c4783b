"use client";
// Settings > Public API, as the MSPbots page: the Enable Public API switch, the key picker with Add New Key and
// Remove This Key, the key shown once with a copy button, the Dataset and Widget tabs with Add and each binding's
// endpoint, and (beyond the seed) each key's scope, expiry, allowed addresses, last use and usage log.
import { useState } from "react";
import { toast } from "sonner";
import { KeyRoundIcon, PencilIcon, PlusIcon, ShieldCheckIcon, Trash2Icon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import { Switch } from "@/components/ui/switch";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { DataTable, type Column } from "@/components/common/data-table";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { useUrlState } from "@/components/common/use-url-state";
import {
  useApiKeys,
  useBindings,
  useCreateApiKey,
  useDeleteApiKey,
  useKeyUsage,
  usePublicApiSettings,
  useRemoveBinding,
  useSetPublicApiEnabled,
  useUpdateApiKey,
} from "@/lib/queries/public-api";
import type { BindingDto, KeyDto, ResourceKind, UsageEntryDto } from "@/lib/schemas/public-api";
import { BindingCard } from "./binding-card";
import { ShownOnceDialog } from "@/components/common/shown-once-dialog";
import { KeyForm } from "./key-form";
import { ResourcePicker, when } from "./resource-picker";

function EnableCard() {
  const settings = usePublicApiSettings();
  const setEnabled = useSetPublicApiEnabled();
  const enabled = settings.data?.enabled ?? false;
  async function toggle(next: boolean) {
    try {
      await setEnabled.mutateAsync(next);
      toast.success(next ? "Public API enabled" : "Public API disabled", { description: next ? "Keys work for what they are bound to." : "Every request is refused until it is enabled again." });
    } catch (error) {
      toast.error("Could not change the switch", { description: (error as Error).message });
    }
  }
  return (
    <Card>
      <CardContent className="flex flex-wrap items-center justify-between gap-4 p-5">
        <div className="grid gap-1">
          <div className="flex items-center gap-3">
            <Switch id="public-api-enabled" checked={enabled} disabled={settings.isPending || setEnabled.isPending} onCheckedChange={toggle} />
            <Label htmlFor="public-api-enabled" className="text-base font-semibold">
              Enable Public API
            </Label>
            <Badge variant={enabled ? "success" : "secondary"}>{enabled ? "On" : "Off"}</Badge>
          </div>
          <p className="text-sm text-muted-foreground">When off, every request is refused and no key works. Data comes from the last sync; vendors are never called per request.</p>
        </div>
        <p className="text-sm">
          Rate limit: <span className="font-semibold tabular-nums">{settings.data?.rateLimitPerMinute ?? 60}/min</span> per key
        </p>
      </CardContent>
    </Card>
  );
}

function CreatedKeyDialog({ created, onClose }: { created: { name: string; secret: string } | null; onClose: () => void }) {
  return (
    <ShownOnceDialog
      secret={created?.secret ?? null}
      title={`Copy the key for ${created?.name ?? ""}`}
      description="Send it to your client. This is the only time it is shown: only a hash is stored, so it cannot be shown again."
      what="The API key"
      warning="Treat it like a password. If it is lost, remove the key and add a new one."
      testId="new-api-key"
      onClose={onClose}
    />
  );
}

function KeyDetails({ apiKey }: { apiKey: KeyDto }) {
  const rows: [string, React.ReactNode][] = [
    ["API key", <span key="k" className="font-mono">{apiKey.prefix}…</span>],
    ["Type", "Custom"],
    ["Customer scope", apiKey.customer ? (apiKey.customer.name ?? "(customer removed: sees nothing)") : "All customers"],
    ["Expires", apiKey.expiresAt ? <span key="e" className={apiKey.expired ? "text-destructive" : undefined}>{when(apiKey.expiresAt)}{apiKey.expired ? " (expired)" : ""}</span> : "Never"],
    ["Allowed addresses", apiKey.allowedIps.length ? apiKey.allowedIps.join(", ") : "Any"],
    ["Last used", apiKey.lastUsedAt ? <span key="l"><RelativeTime value={apiKey.lastUsedAt} />{apiKey.lastUsedIp ? ` from ${apiKey.lastUsedIp}` : ""}</span> : "Never"],
    ["Created", <span key="c">{when(apiKey.createdAt)}{apiKey.createdBy ? ` by ${apiKey.createdBy}` : ""}</span>],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 xl:grid-cols-4">
      {rows.map(([label, value]) => (
        <div key={label} className="grid min-w-0 gap-0.5">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="truncate">{value}</dd>
        </div>
      ))}
      {apiKey.description ? (
        <div className="grid gap-0.5 sm:col-span-2 xl:col-span-4">
          <dt className="text-xs text-muted-foreground">Description</dt>
          <dd>{apiKey.description}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Bindings({ apiKey }: { apiKey: KeyDto }) {
  const [tab, setTab] = useState<ResourceKind>("dataset");
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<BindingDto | null>(null);
  const bindings = useBindings(apiKey.id);
  const remove = useRemoveBinding(apiKey.id);
  const shown = bindings.data?.filter((b) => b.resourceType === tab) ?? [];

  async function confirmRemove() {
    if (!removing) return;
    try {
      await remove.mutateAsync({ kind: removing.resourceType, resourceId: removing.resourceId });
      toast.success("Unbound", { description: `${apiKey.name} can no longer read ${removing.name}.` });
      setRemoving(null);
    } catch (error) {
      toast.error("Could not unbind", { description: (error as Error).message });
    }
  }

  return (
    <section className="grid gap-3" aria-label="Bound datasets and widgets">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Tabs value={tab} onValueChange={(v) => setTab(v as ResourceKind)}>
          <TabsList>
            <TabsTrigger value="dataset">Dataset ({apiKey.datasetCount})</TabsTrigger>
            <TabsTrigger value="widget">Widget ({apiKey.widgetCount})</TabsTrigger>
          </TabsList>
        </Tabs>
        <Button onClick={() => setAdding(true)}>
          <PlusIcon aria-hidden />
          Add
        </Button>
      </div>
      {bindings.isPending ? (
        <LoadingRows rows={2} />
      ) : bindings.isError ? (
        <LoadError error={bindings.error} onRetry={() => bindings.refetch()} />
      ) : shown.length === 0 ? (
        <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">
          No {tab === "dataset" ? "datasets" : "widgets"} bound to this key yet. Use Add to choose some.
        </p>
      ) : (
        <div className="grid gap-2">
          {shown.map((binding) => (
            <BindingCard key={`${binding.resourceType}:${binding.resourceId}`} binding={binding} keyId={apiKey.id} onRemove={() => setRemoving(binding)} />
          ))}
        </div>
      )}
      {/* Mounted only while open: every Add starts from a fresh search and selection. */}
      {adding ? <ResourcePicker kind={tab} keyId={apiKey.id} bound={new Set(shown.map((b) => b.resourceId))} open onOpenChange={setAdding} /> : null}
      <Dialog open={removing !== null} onOpenChange={(open) => !open && setRemoving(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Unbind {removing?.name}?</DialogTitle>
            <DialogDescription>
              {apiKey.name} loses access to <span className="font-mono">{removing ? `/api/${removing.resourceType}/${removing.resourceId}` : ""}</span> at once.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button variant="destructive" onClick={confirmRemove} disabled={remove.isPending}>
              Confirm
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </section>
  );
}

const OUTCOMES: Record<string, { label: string; variant: "success" | "warning" | "destructive" | "secondary" }> = {
  ok: { label: "OK", variant: "success" },
  bad_request: { label: "Bad request", variant: "warning" },
  unbound: { label: "Not bound", variant: "warning" },
  not_found: { label: "Not found", variant: "warning" },
  rate_limited: { label: "Rate limited", variant: "warning" },
  ip_denied: { label: "Address refused", variant: "destructive" },
  disabled: { label: "API off", variant: "destructive" },
  expired: { label: "Expired", variant: "destructive" },
  error: { label: "Server error", variant: "destructive" },
};

const usageColumns: Column<UsageEntryDto>[] = [
  { id: "at", header: "Time", cell: (row) => <span className="whitespace-nowrap tabular-nums">{when(row.at)}</span> },
  { id: "resource", header: "Resource", cell: (row) => <span className="font-mono text-xs">{row.resourceId ? `/api/${row.resourceType}/${row.resourceId}` : "—"}</span> },
  {
    id: "status",
    header: "Status",
    cell: (row) => (
      <span className="flex items-center gap-2 whitespace-nowrap">
        <span className="tabular-nums">{row.status}</span>
        <Badge variant={OUTCOMES[row.outcome]?.variant ?? "secondary"}>{OUTCOMES[row.outcome]?.label ?? row.outcome}</Badge>
      </span>
    ),
  },
  { id: "ip", header: "Address", cell: (row) => <span className="font-mono text-xs">{row.ip ?? "—"}</span> },
  { id: "rows", header: "Rows", cell: (row) => <span className="tabular-nums">{row.rows ?? "—"}</span>, className: "text-right", headClassName: "text-right" },
  { id: "ms", header: "Time taken", cell: (row) => <span className="tabular-nums whitespace-nowrap">{row.durationMs === null ? "—" : `${row.durationMs} ms`}</span>, className: "text-right", headClassName: "text-right" },
];

function UsageLog({ apiKey, retentionDays }: { apiKey: KeyDto; retentionDays?: number }) {
  const [page, setPage] = useState(1);
  const usage = useKeyUsage(apiKey.id, page);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Usage log</CardTitle>
        <CardDescription>Every request made with this key, newest first{retentionDays ? `, kept ${retentionDays} days` : ""}.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <DataTable
          label="Usage log"
          columns={usageColumns}
          rows={usage.data?.items}
          rowKey={(row) => String(row.id)}
          isPending={usage.isPending}
          error={usage.error}
          onRetry={() => usage.refetch()}
          isPlaceholderData={usage.isPlaceholderData}
          skeletonRows={3}
          empty={<p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">No requests with this key yet.</p>}
        />
        {usage.data && usage.data.total > usage.data.pageSize ? <Pagination page={page} pageSize={usage.data.pageSize} total={usage.data.total} noun="requests" onPageChange={setPage} /> : null}
      </CardContent>
    </Card>
  );
}

export function PublicApiManager() {
  const url = useUrlState();
  const keys = useApiKeys();
  const settings = usePublicApiSettings();
  const create = useCreateApiKey();
  const update = useUpdateApiKey();
  const remove = useDeleteApiKey();
  const [dialog, setDialog] = useState<"add" | "edit" | "remove" | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const selectedId = url.get("key");
  const apiKey = keys.data?.find((k) => k.id === selectedId) ?? keys.data?.[0];

  async function confirmRemove() {
    if (!apiKey) return;
    try {
      await remove.mutateAsync(apiKey.id);
      toast.success("Key removed", { description: `${apiKey.name} no longer works.` });
      url.set({ key: null });
      setDialog(null);
    } catch (error) {
      toast.error("Could not remove the key", { description: (error as Error).message });
    }
  }

  const addButton = (
    <Button onClick={() => setDialog("add")}>
      <PlusIcon aria-hidden />
      Add New Key
    </Button>
  );

  return (
    <div className="grid grid-cols-1 gap-4">
      <EnableCard />
      {keys.isPending ? (
        <LoadingRows rows={3} />
      ) : keys.isError ? (
        <LoadError error={keys.error} onRetry={() => keys.refetch()} />
      ) : !apiKey ? (
        <EmptyState
          icon={KeyRoundIcon}
          title="No API keys yet"
          description="Add a key, bind the datasets and widgets it may read, switch the Public API on, and send the key to your client."
          action={addButton}
        />
      ) : (
        <>
          <Card>
            <CardContent className="grid gap-5 p-5">
              <div className="flex flex-wrap items-end gap-2">
                <div className="grid min-w-56 flex-1 gap-1.5 sm:max-w-sm">
                  <Label htmlFor="api-key-select">API Key</Label>
                  <NativeSelect id="api-key-select" value={apiKey.id} onChange={(e) => url.set({ key: e.target.value })}>
                    {keys.data.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.name} ({k.prefix}…)
                      </option>
                    ))}
                  </NativeSelect>
                </div>
                <div className="flex flex-wrap gap-2">
                  {addButton}
                  <Button variant="outline" onClick={() => setDialog("edit")}>
                    <PencilIcon aria-hidden />
                    Edit
                  </Button>
                  <Button variant="outline" className="text-destructive hover:text-destructive" onClick={() => setDialog("remove")}>
                    <Trash2Icon aria-hidden />
                    Remove This Key
                  </Button>
                </div>
              </div>
              <KeyDetails apiKey={apiKey} />
              {!settings.data?.enabled ? (
                <Alert variant="warning">
                  <ShieldCheckIcon aria-hidden />
                  <span>The Public API is off: this key is refused until Enable Public API is switched on.</span>
                </Alert>
              ) : null}
            </CardContent>
          </Card>
          <Bindings key={apiKey.id} apiKey={apiKey} />
          <UsageLog key={`usage-${apiKey.id}`} apiKey={apiKey} retentionDays={settings.data?.logRetentionDays} />
        </>
      )}

      <Dialog open={dialog === "add" || dialog === "edit"} onOpenChange={(open) => !open && setDialog(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{dialog === "edit" ? `Edit ${apiKey?.name}` : "Add New Key"}</DialogTitle>
            <DialogDescription>{dialog === "edit" ? "The key itself stays the same." : "The key is shown once, right after you save."}</DialogDescription>
          </DialogHeader>
          {dialog === "add" ? (
            <KeyForm
              submitLabel="Save"
              onCancel={() => setDialog(null)}
              onSubmit={async (body) => {
                const result = await create.mutateAsync(body);
                url.set({ key: result.key.id });
                setDialog(null);
                setCreated({ name: result.key.name, secret: result.secret });
              }}
            />
          ) : dialog === "edit" && apiKey ? (
            <KeyForm
              existing={apiKey}
              submitLabel="Save"
              onCancel={() => setDialog(null)}
              onSubmit={async (body) => {
                await update.mutateAsync({ id: apiKey.id, body });
                toast.success("Key saved");
                setDialog(null);
              }}
            />
          ) : null}
        </DialogContent>
      </Dialog>

      <Dialog open={dialog === "remove"} onOpenChange={(open) => !open && setDialog(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Remove {apiKey?.name}?</DialogTitle>
            <DialogDescription>Your client&apos;s access to every dataset and widget bound to this key ends at once. This cannot be undone.</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button variant="destructive" onClick={confirmRemove} disabled={remove.isPending}>
              Remove key
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <CreatedKeyDialog created={created} onClose={() => setCreated(null)} />
    </div>
  );
}
