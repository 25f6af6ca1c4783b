"use client";
// What needs attention now, most severe first: stale connections, failed, missed, offline, warning.
// Made for the NOC wall too: big counts, strong colours with icons and words, refresh every 30 s, and
// ?kiosk=1 for a full-screen view without filters.
import { useEffect, useState } from "react";
import Link from "next/link";
import { format, formatDistanceStrict } from "date-fns";
import { CircleCheckIcon, MaximizeIcon, Minimize2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ActionMenu } from "@/components/actions/action-bar";
import { CustomerBulkActions } from "@/components/actions/bulk-actions";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { CustomerFilter, FilterBar, FilterChip, VendorFilter } from "@/components/common/filters";
import { LoadError } from "@/components/common/query-state";
import { PlannedLine, SnoozeButton, type SnoozeTarget } from "@/components/maintenance/snooze";
import { RelativeTime } from "@/components/common/relative-time";
import { StaleBanner } from "@/components/common/stale";
import { StatusBadge, statusStyle, type DisplayStatus } from "@/components/common/status-badge";
import { useUrlState } from "@/components/common/use-url-state";
import { formatNumber, localizeTimestamps } from "@/lib/format";
import { useMonitoring, type MonitoringDto, type MonitoringItem } from "@/lib/queries/monitoring";
import { hasRole, type Role } from "@/lib/schemas/roles";
import type { Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";

const TILES: { status: DisplayStatus; count: (c: MonitoringDto["counts"]) => number; href: string | null; hint: string }[] = [
  { status: "stale", count: (c) => c.staleConnections, href: null, hint: "connection" },
  { status: "overdue", count: (c) => c.overdue, href: "/plans?status=overdue", hint: "plan" },
  { status: "failed", count: (c) => c.failed, href: "/plans?status=failed", hint: "plan" },
  { status: "missed", count: (c) => c.missed, href: "/plans?status=missed", hint: "plan" },
  { status: "offline", count: (c) => c.offline, href: "/agents?status=offline", hint: "agent" },
  { status: "warning", count: (c) => c.warning, href: "/plans?status=warning", hint: "plan" },
];

function itemHref(item: MonitoringItem, role: Role): string | null {
  if (item.kind === "configuration") return `/plans/${item.id}`;
  if (item.kind === "endpoint") return `/agents/${item.id}`;
  return hasRole(role, "admin") ? "/settings/connections" : null;
}

function sinceLabel(item: MonitoringItem): string {
  switch (item.status) {
    case "missed":
      return "missed since";
    case "overdue":
      return "last good backup";
    case "offline":
      return "last seen";
    case "stale":
      return "last good sync";
    default:
      return "last run";
  }
}

function CountTile({ status, value, href, hint, kiosk }: { status: DisplayStatus; value: number | undefined; href: string | null; hint: string; kiosk: boolean }) {
  const style = statusStyle(status);
  const Icon = style.icon;
  const active = (value ?? 0) > 0;
  const body = (
    <div
      data-testid={`count-${status}`}
      className={cn(
        "flex h-full flex-col justify-between gap-2 rounded-lg border p-4 transition-colors",
        active ? cn(style.badge, "border-transparent") : "bg-card text-muted-foreground",
        href && "hover:ring-2 hover:ring-ring/40",
      )}
    >
      <span className={cn("flex items-center gap-2 font-medium", kiosk ? "text-lg" : "text-sm")}>
        <Icon className={kiosk ? "size-6" : "size-4"} aria-hidden />
        {style.label}
      </span>
      <span className="flex items-baseline gap-2">
        <span className={cn("font-bold leading-none tabular-nums", kiosk ? "text-7xl" : "text-4xl", !active && "text-muted-foreground/70")}>
          {value === undefined ? <Skeleton className="h-9 w-12" /> : formatNumber(value)}
        </span>
        <span className={cn("text-muted-foreground", kiosk ? "text-base" : "text-xs")}>{value === 1 ? hint : `${hint}s`}</span>
      </span>
    </div>
  );
  return href ? (
    <Link href={href} className="rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
      {body}
    </Link>
  ) : (
    body
  );
}

/** What a queue item can be snoozed as: its agent, or its whole customer. */
function snoozeTargets(item: MonitoringItem): SnoozeTarget[] {
  if (item.kind === "connection") return [];
  return [
    ...(item.endpoint ? [{ type: "endpoint" as const, id: item.endpoint.id, name: item.endpoint.name }] : []),
    ...(item.customer ? [{ type: "customer" as const, id: item.customer.id, name: item.customer.name }] : []),
  ];
}

function AttentionItem({ item, role, kiosk }: { item: MonitoringItem; role: Role; kiosk: boolean }) {
  const href = itemHref(item, role);
  const style = statusStyle(item.status);
  return (
    <li
      data-testid="attention-item"
      className={cn("grid grid-cols-[auto_1fr_auto] items-start gap-x-4 gap-y-1 border-b px-4 last:border-0", kiosk ? "py-3" : "py-2.5")}
    >
      <span className={cn("h-full min-h-6 w-1 rounded-full", style.fill)} aria-hidden />
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={item.status} size={kiosk ? "lg" : "default"} />
          {href ? (
            <Link href={href} className={cn("font-semibold hover:underline", kiosk ? "text-lg" : "text-sm")}>
              {item.title}
            </Link>
          ) : (
            <span className={cn("font-semibold", kiosk ? "text-lg" : "text-sm")}>{item.title}</span>
          )}
          {item.kind === "configuration" && item.endpoint ? (
            <span className={cn("text-muted-foreground", kiosk ? "text-base" : "text-sm")}>
              on{" "}
              <Link href={`/agents/${item.endpoint.id}`} className="font-medium text-foreground hover:underline">
                {item.endpoint.name}
              </Link>
            </span>
          ) : null}
          <VendorBadge vendor={item.vendor as Vendor} className={kiosk ? "text-sm" : undefined} />
          {item.customer ? <span className={cn("text-muted-foreground", kiosk ? "text-base" : "text-xs")}>{item.customer.name}</span> : null}
        </div>
        {item.detail ? <p className={cn("mt-1 line-clamp-2 text-muted-foreground", kiosk ? "text-base" : "text-xs")}>{localizeTimestamps(item.detail)}</p> : null}
      </div>
      <div className={cn("grid justify-items-end gap-1.5 text-right whitespace-nowrap text-muted-foreground", kiosk ? "text-base" : "text-xs")}>
        <span>
          <span className="block">{sinceLabel(item)}</span>
          <span className="font-medium text-foreground">
            <RelativeTime value={item.since} fallback="unknown" />
          </span>
        </span>
        {!kiosk && item.kind === "configuration" ? (
          <ActionMenu kind="configuration" id={item.id} name={item.title} vendor={item.vendor} only={["backup.start"]} />
        ) : null}
        {!kiosk && item.kind === "endpoint" ? <ActionMenu kind="endpoint" id={item.id} name={item.title} vendor={item.vendor} only={["agent.wake"]} /> : null}
        {!kiosk ? <SnoozeButton targets={snoozeTargets(item)} /> : null}
      </div>
    </li>
  );
}

function Clock() {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const tick = () => setNow(new Date());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="text-3xl font-semibold tabular-nums">{now ? format(now, "HH:mm:ss") : "--:--:--"}</span>;
}

function UpdatedAgo({ at, fetching, large = false }: { at: number; fetching: boolean; large?: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  if (!at) return null;
  return (
    <span className={cn("text-muted-foreground", large ? "text-sm" : "text-xs")} aria-live="polite">
      {fetching ? "Refreshing…" : Math.max(now, at) - at < 10_000 ? "Updated just now" : `Updated ${formatDistanceStrict(at, Math.max(now, at), { addSuffix: true })}`} · refreshes every 30 s
    </span>
  );
}

export function MonitoringBoard({ role }: { role: Role }) {
  const url = useUrlState();
  const kiosk = url.get("kiosk") === "1";
  const vendor = url.get("vendor");
  const customerId = url.get("customerId");
  const query = useMonitoring({ vendor: vendor || undefined, customerId: customerId || undefined, limit: 200 });
  const data = query.data;
  const filtered = !!(vendor || customerId);
  const customerName = customerId ? data?.customers.find((c) => c.customer.id === customerId)?.customer.name : undefined;

  const content = (
    <div className={cn("grid grid-cols-1", kiosk ? "gap-6" : "gap-4")}>
      {kiosk ? (
        <header className="flex flex-wrap items-center justify-between gap-4">
          <div className="grid gap-1">
            <h1 className="text-3xl font-bold tracking-tight">Backups needing attention</h1>
            <UpdatedAgo at={query.dataUpdatedAt} fetching={query.isFetching} large />
          </div>
          <div className="flex items-center gap-4">
            <Clock />
            <Button asChild variant="outline" size="sm">
              <Link href="/monitoring">
                <Minimize2Icon aria-hidden />
                Exit wall display
              </Link>
            </Button>
          </div>
        </header>
      ) : (
        <div className="flex flex-wrap items-end justify-between gap-3">
          <FilterBar onClear={() => url.set({ vendor: null, customerId: null })} active={filtered}>
            <VendorFilter value={vendor} onChange={(v) => url.set({ vendor: v, customerId: null })} />
            <CustomerFilter value={customerId} vendor={vendor} onChange={(c) => url.set({ customerId: c })} />
          </FilterBar>
          <div className="flex items-center gap-3">
            <UpdatedAgo at={query.dataUpdatedAt} fetching={query.isFetching} />
            <Button asChild variant="outline" size="sm">
              <Link href={hasRole(role, "admin") ? "/settings/display-links" : "/wall"}>
                <MaximizeIcon aria-hidden />
                Wall display
              </Link>
            </Button>
          </div>
        </div>
      )}
      <StaleBanner />
      {query.error && !data ? <LoadError error={query.error} onRetry={() => query.refetch()} /> : null}

      <section aria-label="Counts" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {TILES.map((tile) => (
          <CountTile key={tile.status} status={tile.status} value={data ? tile.count(data.counts) : undefined} href={kiosk ? null : tile.href} hint={tile.hint} kiosk={kiosk} />
        ))}
      </section>

      {kiosk && filtered ? (
        <p className="text-sm text-muted-foreground">
          Showing {vendor ? `${vendor === "msp360" ? "MSP360" : "Rackspace"} ` : ""}
          {customerName ? `for ${customerName}` : ""} only.
        </p>
      ) : null}
      {!kiosk && customerId ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <FilterChip label="Customer" value={customerName ?? "…"} onRemove={() => url.set({ customerId: null })} />
          {customerName ? <CustomerBulkActions customer={{ id: customerId, name: customerName }} offline={data?.counts.offline} /> : null}
        </div>
      ) : null}

      <div className={cn("grid grid-cols-1 gap-4", kiosk ? "xl:grid-cols-[1fr_26rem]" : "lg:grid-cols-[1fr_20rem]")}>
        <Card className="min-w-0">
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle className={kiosk ? "text-xl" : undefined}>Needs attention</CardTitle>
            {data ? (
              <span className="text-sm text-muted-foreground">
                {data.totalItems > data.items.length ? `${formatNumber(data.items.length)} of ${formatNumber(data.totalItems)}` : formatNumber(data.totalItems)} items, most severe first
              </span>
            ) : null}
          </CardHeader>
          {data && data.planned.length > 0 ? (
            <section aria-label="Planned maintenance" className="border-t bg-sky-500/5">
              <h3 className="px-4 pt-3 text-sm font-semibold">Planned maintenance: kept off the queue and its counts</h3>
              <ul className="divide-y">
                {data.planned.map((w) => (
                  <PlannedLine key={w.id} window={w} />
                ))}
              </ul>
            </section>
          ) : null}
          {query.isPending ? (
            <CardContent className="grid gap-2">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-12" />
              ))}
            </CardContent>
          ) : data && data.items.length === 0 ? (
            <CardContent>
              <div className="flex flex-col items-center gap-3 py-12 text-center" data-testid="all-clear">
                <CircleCheckIcon className={cn("text-success", kiosk ? "size-20" : "size-12")} aria-hidden />
                <p className={cn("font-semibold", kiosk ? "text-3xl" : "text-lg")}>All clear</p>
                <p className="max-w-md text-sm text-muted-foreground">
                  No overdue, failed, missed or offline backups{filtered ? " for these filters" : ""}, and every connection is syncing. This view refreshes on its own.
                </p>
              </div>
            </CardContent>
          ) : data ? (
            <ul className="border-t" aria-label="Items needing attention">
              {data.items.map((item) => (
                <AttentionItem key={`${item.kind}-${item.id}`} item={item} role={role} kiosk={kiosk} />
              ))}
            </ul>
          ) : null}
        </Card>

        <Card className="h-fit min-w-0">
          <CardHeader>
            <CardTitle className={kiosk ? "text-xl" : undefined}>By customer</CardTitle>
          </CardHeader>
          {data && data.customers.length > 0 ? (
            <table className={cn("w-full border-t", kiosk ? "text-base" : "text-sm")}>
              <thead>
                <tr className="text-xs uppercase tracking-wide text-muted-foreground">
                  <th scope="col" className="px-4 py-2 text-left font-medium">
                    Customer
                  </th>
                  {(["overdue", "failed", "missed", "offline", "warning"] as const).map((s) => {
                    const st = statusStyle(s);
                    const Icon = st.icon;
                    return (
                      <th key={s} scope="col" className="px-1.5 py-2 text-right font-medium last:pr-4" title={st.label}>
                        <Icon className={cn("ml-auto size-4", st.text)} aria-hidden />
                        <span className="sr-only">{st.label}</span>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {data.customers.slice(0, kiosk ? 15 : 50).map((row) => (
                  <tr key={row.customer.id} className="border-t">
                    <th scope="row" className="max-w-0 px-4 py-1.5 text-left font-normal">
                      {kiosk ? (
                        <span className="block truncate">{row.customer.name}</span>
                      ) : (
                        <button type="button" className="block w-full truncate text-left hover:underline" title={`Show only ${row.customer.name}`} onClick={() => url.set({ customerId: row.customer.id })}>
                          {row.customer.name}
                        </button>
                      )}
                    </th>
                    {(["overdue", "failed", "missed", "offline", "warning"] as const).map((s) => (
                      <td key={s} className={cn("w-10 px-1.5 py-1.5 text-right tabular-nums last:w-12 last:pr-4", row[s] > 0 ? cn("font-semibold", statusStyle(s).text) : "text-muted-foreground/50")}>
                        {row[s]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <CardContent className="text-sm text-muted-foreground">{query.isPending ? <Skeleton className="h-24" /> : "No customer has anything open."}</CardContent>
          )}
        </Card>
      </div>
    </div>
  );

  if (!kiosk) return content;
  // Full screen over the app's navigation: the wall shows only this.
  return <div className="fixed inset-0 z-40 overflow-auto bg-background p-6 lg:p-8">{content}</div>;
}
