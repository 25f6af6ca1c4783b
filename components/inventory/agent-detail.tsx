"use client";
import Link from "next/link";
import { ActivityIcon, ClipboardListIcon, MonitorSmartphoneIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionBar, ActionMenu } from "@/components/actions/action-bar";
import { MaintenanceNotice, SnoozeButton } from "@/components/maintenance/snooze";
import { DetailHeader } from "@/components/common/detail-header";
import { RawVendorSection, RecentRunsSection } from "@/components/activity/recent-runs";
import { DataTable, type Column } from "@/components/common/data-table";
import { DetailList } from "@/components/common/detail-list";
import { DetailState } from "@/components/common/detail-state";
import { RelativeTime } from "@/components/common/relative-time";
import { StaleBanner, StaleMark } from "@/components/common/stale";
import { StatusBadge } from "@/components/common/status-badge";
import { formatBytes, formatDateTime } from "@/lib/format";
import { useEndpoint, type EndpointDetailDto } from "@/lib/queries/endpoints";
import { BackLink } from "@/components/common/back-link";
import { Enabled, LastResult, NextRun, PlanStatus } from "./plan-cells";

type Configuration = EndpointDetailDto["configurations"][number];

function When({ value, fallback = "never" }: { value: string | null; fallback?: string }) {
  return value ? (
    <span>
      <RelativeTime value={value} />
      <span className="block text-xs text-muted-foreground">{formatDateTime(value)}</span>
    </span>
  ) : (
    <span className="text-muted-foreground">{fallback}</span>
  );
}

const planColumns: Column<Configuration>[] = [
  {
    id: "name",
    header: "Plan",
    className: "max-w-72",
    cell: (c) => (
      <div className="min-w-0">
        <Link href={`/plans/${c.id}`} className="block truncate font-medium hover:underline">
          {c.name}
        </Link>
        <div className="text-xs text-muted-foreground">{c.type}</div>
      </div>
    ),
  },
  { id: "schedule", header: "Schedule", className: "text-xs max-w-56", cell: (c) => c.schedule.description || "—" },
  { id: "last", header: "Last result", cell: (c) => <LastResult status={c.lastStatus} at={c.lastRunAt} /> },
  { id: "next", header: "Next run", cell: (c) => <NextRun at={c.nextRunAt} enabled={c.enabled} /> },
  { id: "enabled", header: "Enabled", cell: (c) => <Enabled enabled={c.enabled} /> },
  { id: "status", header: "Status", cell: (c) => <PlanStatus status={c.status} missedSince={c.missedSince} /> },
  {
    id: "actions",
    header: <span className="sr-only">Actions</span>,
    headClassName: "text-right",
    className: "text-right",
    cell: (c) => <ActionMenu kind="configuration" id={c.id} name={c.name} vendor={c.vendor} enabled={c.enabled} only={["backup.start", "configuration.enable", "configuration.disable"]} />,
  },
];

export function AgentDetail({ id }: { id: string }) {
  const query = useEndpoint(id);
  const state = (
    <DetailState
      isPending={query.isPending}
      error={query.data ? null : query.error}
      onRetry={() => query.refetch()}
      icon={MonitorSmartphoneIcon}
      noun="agent"
      backHref="/agents"
      backLabel="Back to agents"
    />
  );
  const e = query.data;
  if (!e) return <div className="grid grid-cols-1 gap-4"><BackLink href="/agents" label="Agents" />{state}</div>;
  const staleInfo = e.connection.stale ? { name: e.connection.name, staleReason: e.connection.staleReason, lastSyncSuccessAt: e.connection.lastSyncSuccessAt } : null;

  return (
    <div className="grid grid-cols-1 gap-6">
      <DetailHeader
        back={{ href: "/agents", label: "Agents" }}
        title={e.name}
        status={e.status}
        vendor={e.vendor}
        facts={[e.customer?.name, e.hostname && e.hostname !== e.name ? e.hostname : null]}
        removed={e.removed}
        actions={
          <>
            <ActionBar kind="endpoint" id={e.id} name={e.name} vendor={e.vendor} enabled={e.enabled} planForm />
            <SnoozeButton targets={[{ type: "endpoint", id: e.id, name: e.name }, ...(e.customer ? [{ type: "customer" as const, id: e.customer.id, name: e.customer.name }] : [])]} />
            <Button asChild variant="outline" size="sm">
              <Link href={`/activity?view=list&endpointId=${e.id}`}>
                <ActivityIcon aria-hidden />
                All runs
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href={`/plans?endpointId=${e.id}`}>
                <ClipboardListIcon aria-hidden />
                Plans
              </Link>
            </Button>
          </>
        }
      />
      <StaleBanner />
      <MaintenanceNotice endpointId={e.id} customerId={e.customer?.id ?? null} />

      <Card>
        <CardHeader>
          <CardTitle>Summary</CardTitle>
        </CardHeader>
        <CardContent>
          <DetailList
            items={[
              { label: "Status", value: <StatusBadge status={e.status} /> },
              { label: "Last successful backup", value: <When value={e.lastSuccessAt} /> },
              { label: "Last run", value: <When value={e.lastRunAt} /> },
              { label: "Online", value: e.online ? "Online" : "Offline" },
              { label: "Last seen", value: <When value={e.lastSeenAt} fallback="unknown" /> },
              { label: "Backups", value: <Enabled enabled={e.enabled} /> },
              { label: "Customer", value: e.customer?.name },
              { label: "Operating system", value: e.os ? `${e.os}${e.osVersion ? ` ${e.osVersion}` : ""}` : null },
              { label: "Agent version", value: e.agentVersion ? <span className="font-mono">{e.agentVersion}</span> : null },
              { label: "Storage used", value: formatBytes(e.storageBytes) },
              { label: "Region", value: e.region },
              {
                label: "Connection",
                value: (
                  <span className="grid">
                    <span className="inline-flex items-center gap-1.5">
                      {e.connection.name}
                      <StaleMark info={staleInfo} />
                    </span>
                    <span className="text-xs text-muted-foreground">
                      {e.connection.lastSyncSuccessAt ? (
                        <>
                          synced <RelativeTime value={e.connection.lastSyncSuccessAt} />
                        </>
                      ) : (
                        "not synced yet"
                      )}
                    </span>
                  </span>
                ),
              },
              { label: "Vendor id", value: <span className="font-mono text-xs">{e.vendorId}</span> },
            ]}
          />
        </CardContent>
      </Card>

      <section className="grid grid-cols-1 gap-3" aria-labelledby="plans-heading">
        <h2 id="plans-heading" className="text-lg font-semibold">
          Backup plans <span className="text-sm font-normal text-muted-foreground">({e.configurations.length})</span>
        </h2>
        <DataTable
          label="Backup plans of this agent"
          columns={planColumns}
          rows={e.configurations}
          rowKey={(c) => c.id}
          rowHref={(c) => `/plans/${c.id}`}
          isPending={false}
          empty={<EmptyState icon={ClipboardListIcon} title="No backup plans" description="This agent has no backup plan at the vendor: nothing protects it. Create one with New backup plan above where the vendor allows it, or in the vendor's console." />}
        />
      </section>

      <RecentRunsSection runs={e.runs} allRunsHref={`/activity?view=list&endpointId=${e.id}`} subject="agent" hide="endpoint" />
      <RawVendorSection vendor={e.vendor} subject="endpoint" raw={e.raw} />
    </div>
  );
}
