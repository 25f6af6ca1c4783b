"use client";
import { useState } from "react";
import { toast } from "sonner";
import { AlertTriangleIcon, CableIcon, CheckCircle2Icon, KeyRoundIcon, PencilIcon, PlugZapIcon, PlusIcon, RefreshCwIcon, Trash2Icon, XCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { ApiError } from "@/lib/api/client";
import { useConnections, useDeleteConnection, useSaveConnection, useSyncNow, useTestConnection, type ConnectionTestResult } from "@/lib/queries/connections";
import { useDemoStatus } from "@/lib/queries/demo";
import type { ConnectionDto } from "@/lib/schemas/connections";
import { DemoBanner, InstallDemoButton } from "@/components/demo/demo-controls";
import { ConnectionForm } from "./connection-form";
import { formatTime } from "@/lib/format";
import { VendorBadge } from "./vendor-badge";

/** Last sync: when, and why the data is stale when it is. */
function SyncCell({ connection }: { connection: ConnectionDto }) {
  if (!connection.enabled) return <span className="text-xs text-muted-foreground">Paused</span>;
  if (!connection.lastSyncAt) return <span className="text-xs text-muted-foreground">Waiting for the first sync</span>;
  const failed = connection.lastSyncStatus === "failed";
  return (
    <div className="grid max-w-52 gap-0.5 text-xs">
      <span className="inline-flex items-center gap-1 whitespace-nowrap">
        {failed || connection.stale ? <AlertTriangleIcon className="size-3.5 text-destructive" aria-hidden /> : <CheckCircle2Icon className="size-3.5 text-success" aria-hidden />}
        {failed ? "Failed" : connection.lastSyncStatus === "partial" ? "Partly synced" : "Synced"} <RelativeTime value={connection.lastSyncAt} />
      </span>
      {connection.lastSyncError ? (
        <span className="line-clamp-2 text-muted-foreground" title={connection.lastSyncError}>
          {connection.lastSyncError}
        </span>
      ) : null}
    </div>
  );
}

type Editing = { mode: "add" } | { mode: "edit"; connection: ConnectionDto } | null;

export function ConnectionsManager() {
  const connections = useConnections();
  const demo = useDemoStatus();
  const save = useSaveConnection();
  const remove = useDeleteConnection();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ConnectionDto | null>(null);
  const syncNow = useSyncNow();
  const test = useTestConnection();
  const [testResult, setTestResult] = useState<{ connection: ConnectionDto; result: ConnectionTestResult } | null>(null);

  async function runTest(connection: ConnectionDto) {
    try {
      setTestResult({ connection, result: await test.mutateAsync(connection.id) });
    } catch (error) {
      toast.error("Could not test the connection", { description: (error as Error).message });
    }
  }

  async function sync(connection: ConnectionDto) {
    try {
      await syncNow.mutateAsync(connection.id);
      toast.success(`Syncing ${connection.name}`, { description: "The result shows here in a few seconds." });
    } catch (error) {
      const since = error instanceof ApiError && error.code === "conflict" ? (error.details as { runningSince?: string | null } | undefined)?.runningSince : undefined;
      if (since) toast.info(`${connection.name} is already syncing`, { description: `Started at ${formatTime(since)}; the result shows here when it ends.` });
      else toast.error("Could not start the sync", { description: (error as Error).message });
    }
  }

  async function toggle(connection: ConnectionDto, enabled: boolean) {
    try {
      await save.mutateAsync({ id: connection.id, body: { enabled } });
      toast.success(`${connection.name} ${enabled ? "enabled" : "disabled"}`);
    } catch (error) {
      toast.error("Could not change the connection", { description: (error as Error).message });
    }
  }

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      toast.success("Connection deleted", { description: deleting.name });
      setDeleting(null);
    } catch (error) {
      toast.error("Could not delete the connection", { description: (error as Error).message });
    }
  }

  const addButton = (
    <Button onClick={() => setEditing({ mode: "add" })}>
      <PlusIcon aria-hidden />
      Add connection
    </Button>
  );

  return (
    <div className="grid grid-cols-1 gap-4">
      <DemoBanner />
      {connections.data?.length ? (
        <div className="flex justify-end gap-2">
          {demo.data && !demo.data.installed ? <InstallDemoButton /> : null}
          {addButton}
        </div>
      ) : null}
      {connections.isPending ? (
        <LoadingRows />
      ) : connections.isError ? (
        <LoadError error={connections.error} onRetry={() => connections.refetch()} />
      ) : connections.data.length === 0 ? (
        <EmptyState
          icon={CableIcon}
          title="No vendor connected yet"
          description="Add the API credentials of an MSP360 Managed Backup or Rackspace Cloud Backup account. The secret is stored encrypted and never shown again."
          action={
            <>
              {addButton}
              <InstallDemoButton />
            </>
          }
        />
      ) : (
        <Card>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Vendor / endpoint</TableHead>
                <TableHead>Login / secret</TableHead>
                <TableHead>Last sync</TableHead>
                <TableHead>Enabled</TableHead>
                <TableHead className="text-right">Actions</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {connections.data.map((connection) => (
                <TableRow key={connection.id}>
                  <TableCell className="min-w-36 font-medium">
                    {connection.name}
                    {connection.isDemo ? (
                      <Badge variant="secondary" className="ml-2 align-middle">
                        Demo
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell className="max-w-48">
                    <div className="grid justify-items-start gap-1">
                      <VendorBadge vendor={connection.vendor} />
                      <span className="max-w-full truncate text-xs text-muted-foreground" title={connection.effectiveBaseUrl}>
                        {connection.effectiveBaseUrl}
                        {connection.region ? ` · ${connection.region}` : ""}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell className="max-w-48 text-xs">
                    <div className="grid gap-1">
                      <span className="truncate font-mono" title={connection.username}>
                        {connection.username}
                      </span>
                      <span className="inline-flex items-center gap-1 whitespace-nowrap">
                        <KeyRoundIcon className="size-3.5 text-success" aria-hidden />
                        Set · <RelativeTime value={connection.secretUpdatedAt} />
                      </span>
                    </div>
                  </TableCell>
                  <TableCell>
                    <SyncCell connection={connection} />
                  </TableCell>
                  <TableCell>
                    <Switch
                      checked={connection.enabled}
                      onCheckedChange={(checked) => toggle(connection, checked)}
                      aria-label={`${connection.enabled ? "Disable" : "Enable"} ${connection.name}`}
                    />
                  </TableCell>
                  <TableCell className="text-right">
                    <div className="flex justify-end gap-0.5">
                      <Button variant="ghost" size="icon" onClick={() => runTest(connection)} disabled={test.isPending} aria-label={`Test ${connection.name}`} title="Test connection">
                        <PlugZapIcon aria-hidden />
                      </Button>
                      <Button variant="ghost" size="icon" onClick={() => sync(connection)} disabled={!connection.enabled} aria-label={`Sync ${connection.name} now`} title="Sync now">
                        <RefreshCwIcon aria-hidden />
                      </Button>
                      <Button variant="ghost" size="icon" onClick={() => setEditing({ mode: "edit", connection })} aria-label={`Edit ${connection.name}`}>
                        <PencilIcon aria-hidden />
                      </Button>
                      <Button variant="ghost" size="icon" onClick={() => setDeleting(connection)} aria-label={`Delete ${connection.name}`}>
                        <Trash2Icon aria-hidden />
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}

      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{editing?.mode === "edit" ? `Edit ${editing.connection.name}` : "Add a connection"}</DialogTitle>
            <DialogDescription>Credentials are checked against the vendor when the app syncs.</DialogDescription>
          </DialogHeader>
          {editing ? (
            <ConnectionForm
              key={editing.mode === "edit" ? editing.connection.id : "new"}
              connection={editing.mode === "edit" ? editing.connection : undefined}
              onDone={() => setEditing(null)}
            />
          ) : null}
        </DialogContent>
      </Dialog>

      <Dialog open={testResult !== null} onOpenChange={(open) => !open && setTestResult(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle className="flex items-center gap-2">
              {testResult?.result.ok ? <CheckCircle2Icon className="size-5 text-success" aria-hidden /> : <XCircleIcon className="size-5 text-destructive" aria-hidden />}
              {testResult?.result.ok ? "Connection works" : "Connection failed"}
            </DialogTitle>
            <DialogDescription>
              {testResult?.connection.name} · answered in {testResult?.result.durationMs} ms
            </DialogDescription>
          </DialogHeader>
          <p className="text-sm">{testResult?.result.ok ? testResult.result.summary : testResult?.result.message}</p>
          <DialogFooter>
            <Button onClick={() => setTestResult(null)}>Close</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <Dialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Delete {deleting?.name}?</DialogTitle>
            <DialogDescription>
              The stored credentials are removed. Nothing changes at the vendor; you can add the connection again later.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button variant="destructive" onClick={confirmDelete} disabled={remove.isPending}>
              Delete connection
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
