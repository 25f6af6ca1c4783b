"use client";
// The success grid MSPs read first: one row per plan (or per agent), one cell per calendar day in the user's time
// zone, worst rows first. Each cell is one of success, warning, failed, missed, running, not scheduled or not
// monitored yet, with an icon and a text label besides its colour. A cell opens that day's runs; links do not
// prefetch (a 30-day page would otherwise fetch hundreds of routes).
import { useEffect, useRef, useState } from "react";
import { UrlPagination } from "@/components/common/url-pagination";
import Link from "next/link";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { CalendarDaysIcon, ChevronLeftIcon, ChevronRightIcon, GlobeIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { ConnectionFilter, CustomerFilter, FieldLabel, FilterBar, StatusFilter, VendorFilter } from "@/components/common/filters";
import { ListEmpty } from "@/components/common/list-empty";
import { LoadError } from "@/components/common/query-state";
import { SearchInput } from "@/components/common/search-input";
import { StaleMark, useStaleConnections } from "@/components/common/stale";
import { statusStyle } from "@/components/common/status-badge";
import { splitList, useClampPage, useUrlState } from "@/components/common/use-url-state";
import { TimeZoneDialog } from "@/components/shell/time-zone-dialog";
import { useTimeZone } from "@/lib/queries/me";
import { useRunGrid, type RunGridDto } from "@/lib/queries/runs";
import { GRID_CELL_STATUSES, type GridCell } from "@/lib/schemas/runs";
import type { Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";
import { ENDPOINT_STATUSES } from "@/components/inventory/agents-list";
import { PLAN_STATUSES } from "@/components/inventory/plans-list";

const GRID_FILTER_KEYS = ["q", "vendor", "connectionId", "customerId", "status", "to"] as const;
type Row = RunGridDto["rows"][number];

/** "2026-05-03" (a calendar day) as a Date that formats as that day in any time zone. */
function dayDate(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

function todayIn(timeZone: string): string {
  return format(new TZDate(Date.now(), timeZone), "yyyy-MM-dd");
}

function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** What a cell says in words: its state, then the counts behind it. */
export function cellText(cell: GridCell): string {
  const parts: string[] = [];
  if (cell.runs) {
    const results = [cell.succeeded && `${cell.succeeded} succeeded`, cell.warnings && `${cell.warnings} with warnings`, cell.failed && `${cell.failed} failed`].filter(Boolean);
    parts.push(`${count(cell.runs, "run")}${results.length ? ` (${results.join(", ")})` : ""}`);
  }
  if (cell.missed) parts.push(`${count(cell.missed, "scheduled run")} did not start`);
  if (!cell.runs && !cell.missed && cell.expected) parts.push(cell.status === "not-monitored" ? "before monitoring began" : `${count(cell.expected, "run")} due later`);
  return [statusStyle(cell.status).label, ...parts].join(" · ");
}

function Cell({ cell, day, row, by, timeZone }: { cell: GridCell; day: string; row: Row; by: "plan" | "agent"; timeZone: string }) {
  const label = format(dayDate(day), "EEE d MMM yyyy");
  const target = by === "plan" ? `configurationId=${encodeURIComponent(row.id)}` : `endpointId=${encodeURIComponent(row.id)}`;
  const href = `/activity?view=list&${target}&day=${day}&tz=${encodeURIComponent(timeZone)}`;
  const style = statusStyle(cell.status);
  const Icon = style.icon;
  const who = by === "plan" ? `${row.name} on ${row.endpoint.name}` : row.name;
  const text = `${who} · ${label}: ${cellText(cell)}`;
  return (
    <Link
      href={href}
      prefetch={false}
      title={text}
      aria-label={text}
      data-status={cell.status}
      className={cn(
        "flex h-7 items-center justify-center rounded-[3px] outline-offset-1 hover:ring-2 hover:ring-ring/60 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        style.fill,
        style.onFill,
      )}
    >
      <Icon className={cn("size-3.5", (cell.status === "not-scheduled" || cell.status === "not-monitored") && "size-3 opacity-70")} aria-hidden />
    </Link>
  );
}

/** The row's current status as an icon in its colour, named for screen readers and on hover. */
function RowStatus({ status }: { status: string }) {
  const style = statusStyle(status);
  const Icon = style.icon;
  return (
    <span className={cn("shrink-0", style.text)} title={`Now: ${style.label}`}>
      <Icon className="size-4" aria-hidden />
      <span className="sr-only">Now: {style.label}. </span>
    </span>
  );
}

function Toggle<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: { value: T; label: string }[]; onChange: (value: T) => void }) {
  return (
    <div className="grid gap-1">
      <span className="text-xs font-medium text-muted-foreground">{label}</span>
      <div className="inline-flex h-9 rounded-md border bg-card p-0.5" role="group" aria-label={label}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={value === option.value}
            onClick={() => onChange(option.value)}
            className={cn(
              "rounded-[5px] px-3 text-sm font-medium whitespace-nowrap text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              value === option.value && "bg-primary text-primary-foreground hover:text-primary-foreground",
            )}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}

export function RunGrid() {
  const url = useUrlState();
  const stale = useStaleConnections();
  const { timeZone, chosen } = useTimeZone();
  const [timeZoneOpen, setTimeZoneOpen] = useState(false);
  const days = url.get("days") === "30" ? 30 : 14;
  const by = url.get("by") === "agent" ? "agent" : "plan";
  const sort = url.get("sort") === "name" ? "name" : "worst";
  const filters = Object.fromEntries(GRID_FILTER_KEYS.map((k) => [k, url.get(k)])) as Record<(typeof GRID_FILTER_KEYS)[number], string>;
  const to = /^\d{4}-\d{2}-\d{2}$/.test(filters.to) ? filters.to : "";
  const filtered = (["q", "vendor", "connectionId", "customerId", "status"] as const).some((k) => filters[k]);
  const pageSize = Math.min(url.pageSize, 100);
  const query = useRunGrid(
    { days, to, by, sort, timeZone: timeZone ?? "", q: filters.q, vendor: filters.vendor, connectionId: filters.connectionId, customerId: filters.customerId, status: filters.status, page: url.page, pageSize },
    { enabled: timeZone !== null },
  );
  useClampPage(url, query.data?.total);
  const clear = () => url.set(Object.fromEntries(GRID_FILTER_KEYS.map((k) => [k, null])));
  const today = todayIn(timeZone ?? "UTC");
  const data = query.data;
  const noun = by === "plan" ? "plans" : "agents";
  // The newest day is the one a technician looks at: where the grid is wider than the screen (a phone), it opens
  // scrolled to the end, not at the oldest days.
  const scroller = useRef<HTMLDivElement>(null);
  const lastDay = data?.days.at(-1);
  useEffect(() => {
    const element = scroller.current;
    if (element && lastDay) element.scrollLeft = element.scrollWidth;
  }, [lastDay, days]);

  return (
    <div className="grid grid-cols-1 gap-4">
      <FilterBar onClear={clear} active={filtered}>
        <SearchInput value={filters.q} onChange={(q) => url.set({ q })} placeholder={by === "plan" ? "Plan, agent or customer…" : "Agent or customer…"} className="w-56" />
        <VendorFilter value={filters.vendor} onChange={(vendor) => url.set({ vendor, connectionId: null, customerId: null })} />
        <ConnectionFilter value={filters.connectionId} vendor={filters.vendor} onChange={(connectionId) => url.set({ connectionId })} />
        <CustomerFilter value={filters.customerId} vendor={filters.vendor} onChange={(customerId) => url.set({ customerId })} />
        <StatusFilter
          label={by === "plan" ? "Plan status" : "Agent status"}
          value={splitList(filters.status)}
          statuses={by === "plan" ? PLAN_STATUSES : ENDPOINT_STATUSES}
          onChange={(s) => url.set({ status: s.join(",") })}
        />
      </FilterBar>

      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        <Toggle label="Rows" value={by} options={[{ value: "plan", label: "Plans" }, { value: "agent", label: "Agents" }]} onChange={(v) => url.set({ by: v === "plan" ? null : v, status: null })} />
        <Toggle label="Order" value={sort} options={[{ value: "worst", label: "Worst first" }, { value: "name", label: "By name" }]} onChange={(v) => url.set({ sort: v === "worst" ? null : v })} />
        <Toggle label="Days" value={String(days)} options={[{ value: "14", label: "14 days" }, { value: "30", label: "30 days" }]} onChange={(v) => url.set({ days: v === "14" ? null : v }, { keepPage: true })} />
        <FieldLabel label="Up to" htmlFor="f-grid-to">
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
        <Button type="button" variant="ghost" size="sm" className="h-9 text-muted-foreground" onClick={() => setTimeZoneOpen(true)} title="Change your time zone">
          <GlobeIcon aria-hidden />
          Days in {timeZone?.replaceAll("_", " ") ?? "…"}
          {chosen ? null : <span className="sr-only"> (your browser&apos;s zone)</span>}
        </Button>
      </div>

      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
        {GRID_CELL_STATUSES.map((status) => {
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
      </ul>

      {query.error && !data ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : data && data.rows.length === 0 ? (
        <ListEmpty
          icon={CalendarDaysIcon}
          filtered={filtered}
          onClear={clear}
          noun={noun}
          emptyTitle={`No ${noun} yet`}
          emptyDescription="The connected vendor accounts report no backups yet; their days appear here as they run."
        />
      ) : (
        <div ref={scroller} className={cn("overflow-x-auto rounded-lg border bg-card shadow-xs", query.isPlaceholderData && "opacity-60")}>
          <table
            className={cn("w-full table-fixed border-separate border-spacing-0 text-sm", days === 30 ? "min-w-[60rem]" : "min-w-[42rem]")}
            aria-label={`Backup results per ${by === "plan" ? "plan" : "agent"} and day, last ${days} days, days in ${timeZone ?? "UTC"}`}
            aria-busy={query.isPending}
          >
            <colgroup>
              <col className="w-36 sm:w-56 xl:w-72" />
              {(data?.days ?? Array.from({ length: days }, (_, i) => String(i))).map((d) => (
                <col key={d} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 z-10 border-b bg-card px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-muted-foreground">
                  {by === "plan" ? "Plan · agent" : "Agent"}
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
                    <tr key={row.id} className="group">
                      <th scope="row" className="sticky left-0 z-10 border-b bg-card px-3 py-1 text-left font-normal group-hover:bg-muted">
                        <div className="flex min-w-0 items-center gap-2">
                          <RowStatus status={row.status} />
                          <div className="min-w-0 flex-1">
                            <Link href={by === "plan" ? `/plans/${row.id}` : `/agents/${row.id}`} prefetch={false} title={row.schedule ? `${row.name} · ${row.schedule}` : row.name} className="block truncate text-sm font-medium hover:underline">
                              {row.name}
                            </Link>
                            <span className="block truncate text-xs text-muted-foreground" title={row.schedule ?? undefined}>
                              {by === "plan" ? `${row.endpoint.name} · ${row.customer?.name ?? "—"}` : (row.customer?.name ?? "—")}
                            </span>
                          </div>
                          <StaleMark info={stale.forConnection(row.connectionId)} />
                          <VendorBadge vendor={row.vendor as Vendor} className="hidden shrink-0 px-1.5 text-[10px] sm:inline-flex" />
                        </div>
                      </th>
                      {row.cells.map((cell, i) => (
                        <td key={data.days[i]} className="border-b p-0.5 group-hover:bg-muted/40">
                          <Cell cell={cell} day={data.days[i]!} row={row} by={by} timeZone={data.timeZone} />
                        </td>
                      ))}
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-muted-foreground">
        Days are calendar days in {data?.timeZone ?? timeZone ?? "your time zone"}. Each cell shows the worst result of that day; a run the schedule had due that did not start
        is missed. Rows needing attention come first. Click a cell to see its runs.
      </p>
      <UrlPagination url={url} total={data?.total} noun={noun} pageSize={pageSize} />
      <TimeZoneDialog open={timeZoneOpen} onOpenChange={setTimeZoneOpen} />
    </div>
  );
}
