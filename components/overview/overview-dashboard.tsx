"use client";
// The first page of the day: how many agents are in each state (tiles that add up to the total, each a link to
// that list), how many backups made a restore point lately and whether that is getting better, the customers
// to call first, storage and its growth, the attention list, and whether every connection is syncing.
import type { ReactNode } from "react";
import Link from "next/link";
import { ArrowRightIcon, CircleCheckIcon, MinusIcon, TrendingDownIcon, TrendingUpIcon } from "lucide-react";
import { Area, AreaChart, ResponsiveContainer } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { LoadError } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { StaleBanner } from "@/components/common/stale";
import { StatusBadge, statusStyle, type DisplayStatus } from "@/components/common/status-badge";
import { formatBytes, formatDateTime, formatNumber, formatPercent, formatPeriod, localizeTimestamps, plural } from "@/lib/format";
import { useMonitoring, type MonitoringDto } from "@/lib/queries/monitoring";
import { useOverview, type OverviewDto } from "@/lib/queries/overview";
import { useSyncStatus, type SyncStatusDto } from "@/lib/queries/sync";
import { useUsageTrend } from "@/lib/queries/usage";
import { SUCCESS_WINDOW_HOURS } from "@/lib/schemas/overview";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { VENDOR_INFO, VENDORS, type Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";

function sum(counts: Record<string, number> | undefined, statuses?: string[]): number {
  if (!counts) return 0;
  return Object.entries(counts)
    .filter(([status]) => !statuses || statuses.includes(status))
    .reduce((total, [, n]) => total + n, 0);
}

const CALM = new Set(["success", "never-ran", "running", "disabled"]);

function StatusTiles({ data }: { data: OverviewDto["agents"] | undefined }) {
  const total = data?.total ?? 0;
  return (
    <section aria-labelledby="agents-by-status" className="grid gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="grid gap-0.5">
          <h2 id="agents-by-status" className="text-lg font-semibold">
            Agents by status
          </h2>
          {/* The plan counts below (per customer) count plans; an agent with a failed and a missed plan is one failed agent. */}
          <p className="text-xs text-muted-foreground">Each agent once, by its most pressing plan.</p>
        </div>
        <Link href="/agents" className="text-sm text-primary hover:underline" data-testid="overview-total">
          {data ? `All ${plural(total, "agent")}` : "All agents"} →
        </Link>
      </div>
      {data && total > 0 ? (
        <div className="flex h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
          {data.byStatus
            .filter((s) => s.count > 0)
            .map((s) => (
              <span key={s.status} className={statusStyle(s.status).fill} style={{ width: `${(s.count / total) * 100}%` }} />
            ))}
        </div>
      ) : null}
      <ul className="grid grid-cols-[repeat(auto-fit,minmax(6.5rem,1fr))] gap-2 md:gap-3">
        {(data?.byStatus ?? []).map(({ status, count }) => {
          const style = statusStyle(status);
          const Icon = style.icon;
          const attention = count > 0 && !CALM.has(status);
          return (
            <li key={status} className="grid min-w-0">
              <Link
                href={`/agents?status=${status}`}
                data-testid={`overview-count-${status}`}
                className={cn(
                  "grid gap-1.5 rounded-lg border p-3 shadow-xs transition-colors hover:ring-2 hover:ring-ring/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                  attention ? cn(style.badge, "border-transparent") : "bg-card",
                )}
              >
                {/* Long labels ("Stopped by a user") wrap inside their tile rather than push the row off-screen. */}
                <span className={cn("flex items-start gap-1.5 text-sm font-medium leading-tight", !attention && "text-muted-foreground")}>
                  <Icon className={cn("mt-px size-4 shrink-0", !attention && style.text)} aria-hidden />
                  {style.label}
                </span>
                <span className={cn("text-3xl font-bold tabular-nums leading-none", !attention && count === 0 && "text-muted-foreground")}>{formatNumber(count)}</span>
                <span className={cn("text-xs", !attention && "text-muted-foreground")}>{total > 0 ? formatPercent(count / total, 0) : "–"}
                  <span className="sr-only"> of agents</span></span>
              </Link>
            </li>
          );
        })}
        {data
          ? null
          : Array.from({ length: 8 }, (_, i) => (
              <li key={i}>
                <Skeleton className="h-24" />
              </li>
            ))}
      </ul>
    </section>
  );
}

const WINDOW_LABEL: Record<OverviewDto["successRates"][number]["window"], { title: string; before: string }> = {
  "24h": { title: "Last 24 hours", before: "the 24 hours before" },
  "7d": { title: "Last 7 days", before: "the 7 days before" },
  "30d": { title: "Last 30 days", before: "the 30 days before" },
};

/**
 * The change against the window before, in percentage points, in words and with an arrow. Only against a window
 * with a fair share of the runs (a fifth, at least 5): "down 20 points against 100% of 3 runs" would alarm for nothing.
 */
function Trend({ rate, previous, before, finished, previousFinished, unwatched }: { rate: number | null; previous: number | null; before: string; finished: number; previousFinished: number; unwatched: boolean }) {
  if (unwatched && previous === null) return <span className="text-xs text-muted-foreground">Not watched yet in {before}: nothing to compare</span>;
  if (rate === null || previous === null) return <span className="text-xs text-muted-foreground">No backups in {before} to compare</span>;
  if (previousFinished < Math.max(5, finished / 5)) {
    return (
      <span className="text-xs text-muted-foreground">
        Too few backups in {before} to compare ({formatNumber(previousFinished)})
      </span>
    );
  }
  const points = (rate - previous) * 100;
  const flat = Math.abs(points) < 0.5;
  const Icon = flat ? MinusIcon : points > 0 ? TrendingUpIcon : TrendingDownIcon;
  const text = flat ? `Steady against ${before}` : `${points > 0 ? "Up" : "Down"} ${formatNumber(Math.round(Math.abs(points) * 10) / 10)} points against ${before}`;
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs", flat ? "text-muted-foreground" : points > 0 ? statusStyle("success").text : statusStyle("failed").text)}>
      <Icon className="size-3.5 shrink-0" aria-hidden />
      {text} ({formatPercent(previous)})
    </span>
  );
}

function SuccessRates({ data, watchedSince }: { data: OverviewDto["successRates"] | undefined; watchedSince: string | null }) {
  // eslint-disable-next-line react-hooks/purity -- the windows end now; the page re-reads every minute
  const now = Date.now();
  const watchedFrom = watchedSince ? new Date(watchedSince).getTime() : null;
  return (
    <>
      {(data ?? []).map((r) => {
        const label = WINDOW_LABEL[r.window];
        const span = SUCCESS_WINDOW_HOURS[r.window] * 3_600_000;
        // Runs from before the app watched are not counted (the vendors' history lists only those that completed).
        const partly = watchedFrom !== null && watchedFrom > now - span;
        const tone = r.rate === null ? "" : r.rate >= 0.95 ? statusStyle("success").text : r.rate >= 0.8 ? statusStyle("warning").text : statusStyle("failed").text;
        return (
          <Card key={r.window} className="min-w-0" data-testid={`success-rate-${r.window}`}>
            <CardHeader className="pb-2">
              <CardTitle className="text-sm font-medium text-muted-foreground">Backup success, {label.title.toLowerCase()}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-1.5">
              <span className={cn("text-3xl font-bold tabular-nums leading-none", tone)}>{formatPercent(r.rate)}</span>
              <span className="text-xs text-muted-foreground">
                {r.finished ? `${formatNumber(r.completed)} of ${plural(r.finished, "finished backup")} made a restore point` : "No backup finished in this window"}
                {partly ? (
                  <>
                    {" "}
                    since watching began <RelativeTime value={watchedSince} />
                  </>
                ) : null}
              </span>
              <Trend rate={r.rate} previous={r.previousRate} before={label.before} finished={r.finished} previousFinished={r.previousFinished} unwatched={watchedFrom !== null && watchedFrom > now - 2 * span} />
            </CardContent>
          </Card>
        );
      })}
      {data ? null : Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-36" />)}
    </>
  );
}

function StorageCard({ data }: { data: OverviewDto["storage"] | undefined }) {
  const growth = data && data.previousBytes !== null ? data.bytes - data.previousBytes : null;
  const share = growth !== null && data?.previousBytes ? growth / data.previousBytes : null;
  return (
    <Card className="min-w-0" data-testid="overview-storage">
      <CardHeader className="pb-2">
        <CardTitle className="text-sm font-medium text-muted-foreground">
          <Link href="/billing" className="hover:underline">
            Storage{data?.period ? `, ${formatPeriod(data.period)}` : ""}
          </Link>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1.5">
        {!data ? (
          <Skeleton className="h-20" />
        ) : !data.period ? (
          <span className="text-sm text-muted-foreground">No vendor has reported storage yet.</span>
        ) : (
          <>
            <span className="text-3xl font-bold tabular-nums leading-none">{formatBytes(data.bytes)}</span>
            <span className="text-xs text-muted-foreground">
              {growth === null
                ? "First month reported"
                : `${growth >= 0 ? "+" : "−"}${formatBytes(Math.abs(growth))}${share !== null ? ` (${growth >= 0 ? "+" : "−"}${formatPercent(Math.abs(share))})` : ""} since ${formatPeriod(data.previousPeriod!)}`}
            </span>
            <span className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
              {data.byVendor.map((v) => (
                <span key={v.vendor} className="inline-flex items-center gap-1">
                  <VendorBadge vendor={v.vendor} /> {formatBytes(v.bytes)}
                </span>
              ))}
            </span>
            {data.months.length > 1 ? (
              <div className="h-10" role="img" aria-label={`Storage by month: ${data.months.map((m) => `${formatPeriod(m.period)} ${formatBytes(m.bytes)}`).join(", ")}`}>
                <ResponsiveContainer width="100%" height="100%">
                  <AreaChart data={data.months} margin={{ top: 2, right: 0, bottom: 0, left: 0 }}>
                    <Area type="monotone" dataKey="bytes" stroke="var(--primary)" fill="var(--primary)" fillOpacity={0.15} strokeWidth={2} isAnimationActive={false} />
                  </AreaChart>
                </ResponsiveContainer>
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function CountLink({ value, href, status, label }: { value: number; href: string; status: DisplayStatus; label: string }) {
  if (value === 0) return <span className="text-muted-foreground">0</span>;
  const style = statusStyle(status);
  const Icon = style.icon;
  return (
    <Link href={href} className={cn("inline-flex items-center gap-1 font-semibold hover:underline", style.text)} aria-label={`${formatNumber(value)} ${label}`}>
      <Icon className="size-3.5" aria-hidden />
      {formatNumber(value)}
    </Link>
  );
}

function CustomersCard({ data }: { data: OverviewDto | undefined }) {
  const hours = data?.overdueAfterHours ?? 48;
  return (
    <Card className="min-w-0" data-testid="overview-customers">
      <CardHeader>
        <CardTitle>Customers to look at first</CardTitle>
        <CardDescription>
          {data
            ? data.customersNeedingAttention
              ? `${plural(data.customersNeedingAttention, "customer")} with failed, missed or overdue plans (overdue: no successful backup within the plan's window, ${hours} h by default)`
              : "No customer has a failed, missed or overdue plan."
            : "Loading…"}
        </CardDescription>
      </CardHeader>
      {!data ? (
        <CardContent>
          <Skeleton className="h-32" />
        </CardContent>
      ) : data.customers.length === 0 ? (
        <CardContent>
          <p className="flex items-center gap-2 text-sm">
            <CircleCheckIcon className="size-5 text-success" aria-hidden />
            All customers are backed up.
          </p>
        </CardContent>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="border-t text-xs tracking-wide text-muted-foreground uppercase">
              <th scope="col" className="px-5 py-2 text-left font-medium">
                Customer
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Failed
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Missed
              </th>
              <th scope="col" className="py-2 pr-5 pl-2 text-right font-medium">
                Overdue
              </th>
            </tr>
          </thead>
          <tbody>
            {data.customers.map((c) => {
              const plans = `/plans?customerId=${encodeURIComponent(c.customer.id)}`;
              return (
                <tr key={c.customer.id} className="border-t">
                  <th scope="row" className="px-5 py-2 text-left font-medium [overflow-wrap:anywhere]">
                    <Link href={`/agents?customerId=${encodeURIComponent(c.customer.id)}`} className="hover:underline" title={c.customer.name}>
                      {c.customer.name}
                    </Link>
                  </th>
                  <td className="px-2 py-2 text-right tabular-nums">
                    <CountLink value={c.failed} href={`${plans}&status=failed`} status="failed" label={`failed plans of ${c.customer.name}`} />
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums">
                    <CountLink value={c.missed} href={`${plans}&status=missed`} status="missed" label={`missed plans of ${c.customer.name}`} />
                  </td>
                  <td className="py-2 pr-5 pl-2 text-right tabular-nums">
                    <CountLink value={c.overdue} href={`${plans}&status=overdue`} status="overdue" label={`overdue plans of ${c.customer.name}: no successful backup within their window`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
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
                    {/* Wrapped, not cut: on a phone the plan and agent names are what the row is for. */}
                    <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5">
                      <StatusBadge status={item.status} className="shrink-0" />
                      <span className="min-w-0 font-medium [overflow-wrap:anywhere]">
                        {item.title}
                        {item.kind === "configuration" && item.endpoint ? <span className="font-normal text-muted-foreground"> on {item.endpoint.name}</span> : null}
                      </span>
                    </span>
                    <span className="line-clamp-2 text-xs text-muted-foreground">
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

/** A connection whose data is old or whose last sync failed: its figures cannot be trusted. */
const isTroubled = (c: SyncStatusDto) => c.connection.enabled && (c.stale || c.lastSyncStatus === "failed");
const troubled = (connections: SyncStatusDto[]) => connections.filter(isTroubled);

function SyncHealth({ connections, isPending, role }: { connections: SyncStatusDto[]; isPending: boolean; role: Role }) {
  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div className="grid gap-1.5">
          <CardTitle>Connections</CardTitle>
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
        {!isPending && connections.length > 0 ? (
          <p className="text-sm" data-testid="sync-health-summary">
            {troubled(connections).length === 0 ? (
              <span className="inline-flex items-center gap-1.5">
                <CircleCheckIcon className="size-4 text-success" aria-hidden /> Every connection is syncing.
              </span>
            ) : (
              <span className={cn("font-medium", statusStyle("failed").text)}>
                {troubled(connections).length} of {plural(connections.length, "connection")} stale or failing: their figures may be out of date.
              </span>
            )}
          </p>
        ) : null}
        {[...connections].sort((a, b) => Number(isTroubled(b)) - Number(isTroubled(a))).map((c) => {
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
              {c.stale && c.staleReason ? <p className="text-xs text-stale-text">{c.staleReason}</p> : null}
            </div>
          );
        })}
      </CardContent>
    </Card>
  );
}

export function OverviewDashboard({ role }: { role: Role }) {
  const overview = useOverview();
  const monitoring = useMonitoring({ limit: 10 });
  const sync = useSyncStatus();
  const connections = sync.data ?? [];
  const error = (overview.error && !overview.data ? overview : null) ?? (monitoring.error && !monitoring.data ? monitoring : null);
  return (
    <div className="grid grid-cols-1 gap-6">
      <StaleBanner />
      {error ? <LoadError error={error.error} onRetry={() => error.refetch()} /> : null}
      <StatusTiles data={overview.data?.agents} />
      <section aria-label="Backup success and storage" className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <SuccessRates data={overview.data?.successRates} watchedSince={overview.data?.watchedSince ?? null} />
        <StorageCard data={overview.data?.storage} />
      </section>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_24rem] 2xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_26rem]">
        <CustomersCard data={overview.data} />
        <div className="grid content-start gap-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 2xl:col-start-3">
          <SyncHealth connections={connections} isPending={sync.isPending} role={role} />
          <Card>
            <CardHeader>
              <CardTitle>Vendors side by side</CardTitle>
            </CardHeader>
            <CardContent>
              <VendorTable connections={connections} syncPending={sync.isPending} />
            </CardContent>
          </Card>
        </div>
        <div className="min-w-0 2xl:col-start-2 2xl:row-start-1">
          <AttentionCard data={monitoring.data} isPending={monitoring.isPending} />
        </div>
      </div>
      <p className="sr-only">Vendors: {VENDORS.map((v) => VENDOR_INFO[v].label).join(", ")}.</p>
    </div>
  );
}
