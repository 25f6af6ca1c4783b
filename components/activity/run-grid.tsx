"use client";
// The success grid MSPs read first: one row per agent, one cell per day, coloured by that day's worst backup
// result, with an icon in each cell so it never depends on colour alone. A cell opens the list of that day's runs.
import { UrlPagination } from "@/components/common/url-pagination";
import Link from "next/link";
import { format } from "date-fns";
import { CalendarDaysIcon, ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { ConnectionFilter, CustomerFilter, FieldLabel, FilterBar, StatusFilter, VendorFilter } from "@/components/common/filters";
import { ListEmpty } from "@/components/common/list-empty";
import { LoadError } from "@/components/common/query-state";
import { SearchInput } from "@/components/common/search-input";
import { StaleMark, useStaleConnections } from "@/components/common/stale";
import { statusStyle, type DisplayStatus } from "@/components/common/status-badge";
import { splitList, useClampPage, useUrlState } from "@/components/common/use-url-state";
import { useRunGrid, type RunGridDto } from "@/lib/queries/runs";
import type { Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";
import { ENDPOINT_STATUSES } from "@/components/inventory/agents-list";

const LEGEND: DisplayStatus[] = ["success", "warning", "failed", "missed", "running", "never-ran"];
const GRID_FILTER_KEYS = ["q", "vendor", "connectionId", "customerId", "status", "to"] as const;

/** "2026-05-03" (a UTC calendar day) as a Date that formats as that day in any time zone. */
function dayDate(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}

function Cell({ cell, day, endpoint }: { cell: RunGridDto["rows"][number]["cells"][number]; day: string; endpoint: { id: string; name: string } }) {
  const label = format(dayDate(day), "EEE d MMM yyyy");
  const href = `/activity?view=list&endpointId=${encodeURIComponent(endpoint.id)}&day=${day}`;
  if (!cell) {
    return (
      <Link
        href={href}
        title={`${endpoint.name} · ${label}: no backup ran`}
        aria-label={`${endpoint.name}, ${label}: no backup ran`}
        className="block h-7 rounded-[3px] bg-muted/70 outline-offset-1 hover:ring-2 hover:ring-ring/50 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      />
    );
  }
  const style = statusStyle(cell.status);
  const Icon = style.icon;
  const text = `${endpoint.name} · ${label}: ${style.label}, ${cell.runs} ${cell.runs === 1 ? "run" : "runs"}`;
  return (
    <Link
      href={href}
      title={text}
      aria-label={text}
      data-status={cell.status}
      className={cn(
        "flex h-7 items-center justify-center rounded-[3px] outline-offset-1 hover:ring-2 hover:ring-ring/60 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        style.fill,
        style.onFill,
      )}
    >
      <Icon className="size-3.5" aria-hidden />
    </Link>
  );
}

export function RunGrid() {
  const url = useUrlState();
  const stale = useStaleConnections();
  const days = url.get("days") === "30" ? 30 : 14;
  const filters = Object.fromEntries(GRID_FILTER_KEYS.map((k) => [k, url.get(k)])) as Record<(typeof GRID_FILTER_KEYS)[number], string>;
  const to = /^\d{4}-\d{2}-\d{2}$/.test(filters.to) ? filters.to : "";
  const filtered = (["q", "vendor", "connectionId", "customerId", "status"] as const).some((k) => filters[k]);
  const pageSize = Math.min(url.pageSize, 100);
  const query = useRunGrid({ days, to, q: filters.q, vendor: filters.vendor, connectionId: filters.connectionId, customerId: filters.customerId, status: filters.status, page: url.page, pageSize });
  useClampPage(url, query.data?.total);
  const clear = () => url.set(Object.fromEntries(GRID_FILTER_KEYS.map((k) => [k, null])));
  const today = todayUtc();
  const data = query.data;

  return (
    <div className="grid grid-cols-1 gap-4">
      <FilterBar onClear={clear} active={filtered}>
        <SearchInput value={filters.q} onChange={(q) => url.set({ q })} placeholder="Agent or customer…" className="w-56" />
        <VendorFilter value={filters.vendor} onChange={(vendor) => url.set({ vendor, connectionId: null, customerId: null })} />
        <ConnectionFilter value={filters.connectionId} vendor={filters.vendor} onChange={(connectionId) => url.set({ connectionId })} />
        <CustomerFilter value={filters.customerId} vendor={filters.vendor} onChange={(customerId) => url.set({ customerId })} />
        <StatusFilter label="Agent status" value={splitList(filters.status)} statuses={ENDPOINT_STATUSES} onChange={(s) => url.set({ status: s.join(",") })} />
      </FilterBar>

      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid gap-1">
            <span className="text-xs font-medium text-muted-foreground">Days</span>
            <div className="inline-flex h-9 rounded-md border bg-card p-0.5" role="group" aria-label="Days shown">
              {[14, 30].map((n) => (
                <button
                  key={n}
                  type="button"
                  aria-pressed={days === n}
                  onClick={() => url.set({ days: n === 14 ? null : n }, { keepPage: true })}
                  className={cn(
                    "rounded-[5px] px-3 text-sm font-medium text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    days === n && "bg-primary text-primary-foreground hover:text-primary-foreground",
                  )}
                >
                  {n} days
                </button>
              ))}
            </div>
          </div>
          <FieldLabel label="Up to (UTC day)" htmlFor="f-grid-to">
            <div className="flex items-center gap-1">
              <Button type="button" variant="outline" size="icon" aria-label={`${days} days earlier`} onClick={() => url.set({ to: shiftDay(to || today, -days) }, { keepPage: true })}>
                <ChevronLeftIcon aria-hidden />
              </Button>
              <Input id="f-grid-to" type="date" className="w-40" max={today} value={to || today} onChange={(e) => url.set({ to: e.target.value && e.target.value !== today ? e.target.value : null }, { keepPage: true })} />
              <Button
                type="button"
                variant="outline"
                size="icon"
                aria-label={`${days} days later`}
                disabled={!to || to >= today}
                onClick={() => {
                  const next = shiftDay(to, days);
                  url.set({ to: next >= today ? null : next }, { keepPage: true });
                }}
              >
                <ChevronRightIcon aria-hidden />
              </Button>
            </div>
          </FieldLabel>
        </div>
        <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
          {LEGEND.map((status) => {
            const style = statusStyle(status);
            const Icon = style.icon;
            return (
              <li key={status} className="flex items-center gap-1.5">
                <span className={cn("flex size-4 items-center justify-center rounded-[3px]", style.fill, style.onFill)}>
                  <Icon className="size-3" aria-hidden />
                </span>
                {style.label}
              </li>
            );
          })}
          <li className="flex items-center gap-1.5">
            <span className="size-4 rounded-[3px] bg-muted/70 ring-1 ring-border" />
            No backup
          </li>
        </ul>
      </div>

      {query.error && !data ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : data && data.rows.length === 0 ? (
        <ListEmpty
          icon={CalendarDaysIcon}
          filtered={filtered}
          onClear={clear}
          noun="agents"
          emptyTitle="No agents yet"
          emptyDescription="The connected vendor accounts report no endpoints yet; their backups appear here day by day."
        />
      ) : (
        <div className={cn("overflow-x-auto rounded-lg border bg-card shadow-xs", query.isPlaceholderData && "opacity-60")}>
          <table className={cn("w-full table-fixed border-separate border-spacing-0 text-sm", days === 30 ? "min-w-[58rem]" : "min-w-[40rem]")} aria-label={`Backup results per agent and day, last ${days} days`} aria-busy={query.isPending}>
            <colgroup>
              <col className="w-52 xl:w-60" />
              {(data?.days ?? Array.from({ length: days }, (_, i) => String(i))).map((d) => (
                <col key={d} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 z-10 border-b bg-card px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-muted-foreground">
                  Agent
                </th>
                {(data?.days ?? []).map((day) => {
                  const date = dayDate(day);
                  const isToday = day === today;
                  return (
                    <th
                      key={day}
                      scope="col"
                      title={format(date, "EEEE d MMMM yyyy")}
                      className={cn("border-b px-0.5 py-1.5 text-center text-[11px] font-medium leading-tight text-muted-foreground", isToday && "text-foreground")}
                    >
                      <span className="block">{format(date, days === 30 ? "EEEEE" : "EEE")}</span>
                      <span className={cn("block tabular-nums", isToday && "font-bold text-primary")}>{format(date, "d")}</span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {query.isPending || !data
                ? Array.from({ length: 10 }, (_, i) => (
                    <tr key={i}>
                      <td className="sticky left-0 border-b bg-card px-3 py-1.5">
                        <Skeleton className="h-4 w-40" />
                      </td>
                      {Array.from({ length: days }, (_, j) => (
                        <td key={j} className="border-b p-0.5">
                          <Skeleton className="h-7" />
                        </td>
                      ))}
                    </tr>
                  ))
                : data.rows.map((row) => (
                    <tr key={row.endpoint.id} className="group">
                      <th scope="row" className="sticky left-0 z-10 border-b bg-card px-3 py-1 text-left font-normal group-hover:bg-muted">
                        <div className="flex min-w-0 items-center gap-2">
                          <div className="min-w-0 flex-1">
                            <Link href={`/agents/${row.endpoint.id}`} className="block truncate text-sm font-medium hover:underline">
                              {row.endpoint.name}
                            </Link>
                            <span className="block truncate text-xs text-muted-foreground">{row.customer?.name ?? "—"}</span>
                          </div>
                          <StaleMark info={stale.forConnection(row.endpoint.connectionId)} />
                          <VendorBadge vendor={row.endpoint.vendor as Vendor} className="shrink-0 px-1.5 text-[10px]" />
                        </div>
                      </th>
                      {row.cells.map((cell, i) => (
                        <td key={data.days[i]} className="border-b p-0.5 group-hover:bg-muted/40">
                          <Cell cell={cell} day={data.days[i]!} endpoint={row.endpoint} />
                        </td>
                      ))}
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-muted-foreground">Days are calendar days in UTC. Each cell shows the worst backup result of that day; click it to see the runs.</p>
      <UrlPagination url={url} total={data?.total} noun="agents" pageSize={pageSize} />
    </div>
  );
}
