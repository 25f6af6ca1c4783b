"use client";
// The first page of the day: how many agents are in each state (each a link to that list), the top of the
// attention list, both vendors side by side, and whether every connection is syncing.
import type { ReactNode } from "react";
import Link from "next/link";
import { ArrowRightIcon, CircleCheckIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { LoadError } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { StaleBanner } from "@/components/common/stale";
import { StatusBadge, statusStyle, type DisplayStatus } from "@/components/common/status-badge";
import { formatBytes, formatDateTime, formatNumber, formatPeriod, localizeTimestamps } from "@/lib/format";
import { useMonitoring, type MonitoringDto } from "@/lib/queries/monitoring";
import { useSyncStatus, type SyncStatusDto } from "@/lib/queries/sync";
import { useUsageTrend } from "@/lib/queries/usage";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { VENDOR_INFO, VENDORS, type Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";

const STATUS_CARDS: DisplayStatus[] = ["failed", "missed", "offline", "warning", "never-ran", "success"];

function sum(counts: Record<string, number> | undefined, statuses?: string[]): number {
  if (!counts) return 0;
  return Object.entries(counts)
    .filter(([status]) => !statuses || statuses.includes(status))
    .reduce((total, [, n]) => total + n, 0);
}

function StatusCards({ data }: { data: MonitoringDto | undefined }) {
  const counts = data?.counts.endpointsByStatus as Record<string, number> | undefined;
  const total = sum(counts);
  return (
    <section aria-labelledby="agents-by-status" className="grid gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="agents-by-status" className="text-lg font-semibold">
          Agents by status
        </h2>
        <Link href="/agents" className="text-sm text-primary hover:underline">
          {data ? `All ${formatNumber(total)} agents` : "All agents"} →
        </Link>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        {STATUS_CARDS.map((status) => {
          const style = statusStyle(status);
          const Icon = style.icon;
          const value = counts?.[status] ?? 0;
          const attention = value > 0 && status !== "success" && status !== "never-ran";
          return (
            <Link
              key={status}
              href={`/agents?status=${status}`}
              data-testid={`overview-count-${status}`}
              className={cn(
                "grid gap-2 rounded-lg border p-4 shadow-xs transition-colors hover:ring-2 hover:ring-ring/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                attention ? cn(style.badge, "border-transparent") : "bg-card",
              )}
            >
              <span className={cn("flex items-center gap-1.5 text-sm font-medium", !attention && "text-muted-foreground")}>
                <Icon className={cn("size-4", !attention && style.text)} aria-hidden />
                {style.label}
              </span>
              <span className={cn("text-3xl font-bold tabular-nums leading-none", !attention && value === 0 && "text-muted-foreground/60")}>
                {data ? formatNumber(value) : <Skeleton className="h-8 w-12" />}
              </span>
              <span className="text-xs text-muted-foreground">{data && total > 0 ? `${Math.round((value / total) * 100)}% of agents` : " "}</span>
            </Link>
          );
        })}
      </div>
    </section>
  );
}

function AttentionCard({ data, isPending }: { data: MonitoringDto | undefined; isPending: boolean }) {
  const items = data?.items.slice(0, 10) ?? [];
  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div className="grid gap-1.5">
          <CardTitle>Needs attention</CardTitle>
          <CardDescription>{data ? `${formatNumber(data.totalItems)} open items, most severe first` : "Loading…"}</CardDescription>
        </div>
        <Link href="/monitoring" className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
          Monitoring <ArrowRightIcon className="size-3.5" aria-hidden />
        </Link>
      </CardHeader>
      {isPending ? (
        <CardContent className="grid gap-2">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </CardContent>
      ) : items.length === 0 ? (
        <CardContent>
          <p className="flex items-center gap-2 py-6 text-sm">
            <CircleCheckIcon className="size-5 text-success" aria-hidden />
            All clear: nothing failed, missed or offline.
          </p>
        </CardContent>
      ) : (
        <ul className="border-t">
          {items.map((item) => {
            const href = item.kind === "configuration" ? `/plans/${item.id}` : item.kind === "endpoint" ? `/agents/${item.id}` : "/monitoring";
            return (
              <li key={`${item.kind}-${item.id}`} className="border-b last:border-0">
                <Link href={href} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-3 px-5 py-2.5 text-sm hover:bg-muted/50 focus-visible:bg-muted focus-visible:outline-none">
                  <span className="grid min-w-0 gap-1">
                    <span className="flex min-w-0 items-center gap-2">
                      <StatusBadge status={item.status} className="shrink-0" />
                      <span className="truncate font-medium">
                        {item.title}
                        {item.kind === "configuration" && item.endpoint ? <span className="font-normal text-muted-foreground"> on {item.endpoint.name}</span> : null}
                      </span>
                    </span>
                    <span className="truncate text-xs text-muted-foreground">
                      {[item.customer?.name, item.detail ? localizeTimestamps(item.detail) : null].filter(Boolean).join(" · ") || " "}
                    </span>
                  </span>
                  <span className="grid justify-items-end gap-1">
                    <VendorBadge vendor={item.vendor as Vendor} />
                    <span className="text-xs whitespace-nowrap text-muted-foreground">
                      <RelativeTime value={item.since} fallback="" />
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function VendorTable({ connections, syncPending }: { connections: SyncStatusDto[]; syncPending: boolean }) {
  const stats: Record<Vendor, ReturnType<typeof useMonitoring>> = {
    msp360: useMonitoring({ vendor: "msp360", limit: 1 }),
    rackspace: useMonitoring({ vendor: "rackspace", limit: 1 }),
  };
  const trend = useUsageTrend();
  const last = trend.data?.points.at(-1);
  const connected = VENDORS.filter((v) => connections.some((c) => c.connection.vendor === v));
  const vendors = connected.length ? connected : [...VENDORS];
  const counts = (v: Vendor) => stats[v].data?.counts.endpointsByStatus as Record<string, number> | undefined;
  const cell = (v: Vendor, value: (c: Record<string, number>) => number, href: string, tone?: string) => {
    const c = counts(v);
    if (!c) return <Skeleton className="ml-auto h-4 w-8" />;
    const n = value(c);
    return (
      <Link href={href} className={cn("hover:underline", n > 0 && tone)}>
        {formatNumber(n)}
      </Link>
    );
  };
  const rows: { label: string; cell: (v: Vendor) => ReactNode }[] = [
    {
      label: "Connections",
      cell: (v) => {
        const of = connections.filter((c) => c.connection.vendor === v);
        if (syncPending) return <Skeleton className="ml-auto h-4 w-8" />;
        return of.length === 0 ? <span className="text-muted-foreground">none</span> : `${of.length}${of.some((c) => c.stale) ? " · stale" : ""}`;
      },
    },
    { label: "Agents", cell: (v) => cell(v, (c) => sum(c), `/agents?vendor=${v}`) },
    { label: "Failing (failed or missed)", cell: (v) => cell(v, (c) => sum(c, ["failed", "missed"]), `/agents?vendor=${v}&status=failed,missed`, "font-semibold text-destructive") },
    { label: "Offline", cell: (v) => cell(v, (c) => c.offline ?? 0, `/agents?vendor=${v}&status=offline`, cn("font-semibold", statusStyle("offline").text)) },
    {
      label: last ? `Storage, ${formatPeriod(last.period)}` : "Storage",
      cell: (v) => {
        const value = last ? (last as Record<string, unknown>)[v] : undefined;
        return typeof value === "number" ? (
          <Link href={`/billing?vendor=${v}`} className="hover:underline">
            {formatBytes(value)}
          </Link>
        ) : (
          <span className="text-muted-foreground">—</span>
        );
      },
    },
  ];
  return (
    <table className="w-full text-sm" data-testid="vendor-summary">
      <thead>
        <tr>
          <th scope="col" className="sr-only">
            Measure
          </th>
          {vendors.map((v) => (
            <th key={v} scope="col" className="pb-2 text-right font-normal">
              <VendorBadge vendor={v} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className="border-t border-dashed">
            <th scope="row" className="py-1.5 pr-2 text-left font-normal text-muted-foreground">
              {row.label}
            </th>
            {vendors.map((v) => (
              <td key={v} className="py-1.5 pl-3 text-right tabular-nums whitespace-nowrap">
                {row.cell(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SYNC_STATUS: Record<string, DisplayStatus> = { success: "success", partial: "warning", failed: "failed", running: "running", interrupted: "warning" };

function SyncHealth({ connections, isPending, role }: { connections: SyncStatusDto[]; isPending: boolean; role: Role }) {
  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div className="grid gap-1.5">
          <CardTitle>Sync health</CardTitle>
          <CardDescription>Pulls from each vendor account; stale data is flagged on every page.</CardDescription>
        </div>
        {hasRole(role, "admin") ? (
          <Link href="/settings/connections" className="shrink-0 text-sm text-primary hover:underline">
            Vendor accounts →
          </Link>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        {isPending ? <Skeleton className="h-16" /> : null}
        {connections.map((c) => {
          const status: DisplayStatus = !c.connection.enabled ? "disabled" : c.stale ? "stale" : (SYNC_STATUS[c.lastSyncStatus ?? ""] ?? "never-ran");
          return (
            <div key={c.connection.id} className="grid gap-1.5 rounded-md border p-3" data-testid="sync-health-row">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <span className="font-medium">{c.connection.name}</span>
                <VendorBadge vendor={c.connection.vendor as Vendor} className="shrink-0" />
                <StatusBadge className="ml-auto shrink-0" status={status} label={status === "never-ran" ? "Not synced yet" : status === "warning" ? "Partial" : undefined} />
              </div>
              <div className="flex items-center justify-between gap-2">
              <p className="text-xs text-muted-foreground">
                {c.lastSyncSuccessAt ? (
                  <>
                    Last good sync <RelativeTime value={c.lastSyncSuccessAt} />
                  </>
                ) : (
                  "No successful sync yet"
                )}{" "}
                · every {c.connection.syncIntervalMinutes} min
              </p>
                <span className="flex items-center gap-1" aria-label="Recent syncs">
                  {[...c.recent].reverse().map((r) => {
                    const s = statusStyle(SYNC_STATUS[r.status] ?? "never-ran");
                    return <span key={r.id} className={cn("size-2.5 rounded-full", s.fill)} title={`${r.trigger} sync ${r.startedAt ? formatDateTime(r.startedAt) : ""}: ${r.status}${r.error ? ` — ${r.error}` : ""}`} />;
                  })}
                </span>
              </div>
              {c.stale && c.staleReason ? <p className="text-xs text-[color-mix(in_oklch,var(--warning)_55%,var(--foreground))]">{c.staleReason}</p> : null}
            </div>
          );
        })}
      </CardContent>
    </Card>
  );
}

export function OverviewDashboard({ role }: { role: Role }) {
  const monitoring = useMonitoring({ limit: 10 });
  const sync = useSyncStatus();
  const connections = sync.data ?? [];
  return (
    <div className="grid grid-cols-1 gap-6">
      <StaleBanner />
      {monitoring.error && !monitoring.data ? <LoadError error={monitoring.error} onRetry={() => monitoring.refetch()} /> : null}
      <StatusCards data={monitoring.data} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
        <AttentionCard data={monitoring.data} isPending={monitoring.isPending} />
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Vendors side by side</CardTitle>
            </CardHeader>
            <CardContent>
              <VendorTable connections={connections} syncPending={sync.isPending} />
            </CardContent>
          </Card>
          <SyncHealth connections={connections} isPending={sync.isPending} role={role} />
        </div>
      </div>
      <p className="sr-only">Vendors: {VENDORS.map((v) => VENDOR_INFO[v].label).join(", ")}.</p>
    </div>
  );
}
