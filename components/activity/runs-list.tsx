"use client";
import { UrlPagination } from "@/components/common/url-pagination";
import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { ActivityIcon } from "lucide-react";
import { Input } from "@/components/ui/input";
import { ConnectionFilter, CustomerFilter, FieldLabel, FilterBar, FilterChip, SelectFilter, StatusFilter, VendorFilter } from "@/components/common/filters";
import { ListEmpty } from "@/components/common/list-empty";
import { SearchInput } from "@/components/common/search-input";
import { useListPage } from "@/components/common/use-list-page";
import { splitList } from "@/components/common/use-url-state";
import { localDayBounds } from "@/lib/format";
import { isValidTimeZone } from "@/lib/time-zone";
import { useConfiguration } from "@/lib/queries/configurations";
import { useEndpoint } from "@/lib/queries/endpoints";
import { useRuns } from "@/lib/queries/runs";
import { RUN_TYPES } from "@/lib/vendors/status";
import { RUN_TYPE_LABELS, RunsTable } from "./runs-table";

const RUN_STATUSES = ["failed", "warning", "missed", "running", "success"] as const;
const SORTS = ["startedAt", "status", "bytes", "durationSeconds"] as const;
const FILTER_KEYS = ["q", "vendor", "connectionId", "customerId", "status", "type", "from", "to", "day", "tz", "endpointId", "configurationId"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A grid day in its time zone (`tz`, default UTC) as instants. */
function zonedDay(day: string, tz: string | undefined): { from: string; to: string } {
  const zone = tz && isValidTimeZone(tz) ? tz : "UTC";
  const start = new TZDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), zone);
  return { from: new Date(start.getTime()).toISOString(), to: new Date(addDays(start, 1).getTime() - 1).toISOString() };
}

/** The API's from/to: a grid day is a day in the grid's time zone; the date inputs are the user's local days. */
function range(filters: Record<string, string>): { from?: string; to?: string } {
  if (DAY.test(filters.day ?? "")) return zonedDay(filters.day!, filters.tz);
  return { from: localDayBounds(filters.from ?? "")?.from, to: localDayBounds(filters.to ?? "")?.to };
}

export function RunsList() {
  const { url, sort, filters, filtered, clear, query } = useListPage(
    {
      filterKeys: FILTER_KEYS,
      sorts: SORTS,
      defaultSort: "startedAt",
      defaultOrder: "desc",
      toApi: ({ day, tz, from, to, ...apiFilters }) => ({ ...apiFilters, ...range({ day, tz, from, to }) }),
    },
    useRuns,
  );
  const endpoint = useEndpoint(filters.endpointId || null);
  const configuration = useConfiguration(filters.configurationId || null);

  return (
    <div className="grid grid-cols-1 gap-4">
      <FilterBar onClear={clear} active={filtered}>
        <SearchInput value={filters.q} onChange={(q) => url.set({ q })} placeholder="Agent, plan or message…" className="w-60" />
        <VendorFilter value={filters.vendor} onChange={(vendor) => url.set({ vendor, connectionId: null, customerId: null })} />
        <ConnectionFilter value={filters.connectionId} vendor={filters.vendor} onChange={(connectionId) => url.set({ connectionId })} />
        <CustomerFilter value={filters.customerId} vendor={filters.vendor} onChange={(customerId) => url.set({ customerId })} />
        <StatusFilter value={splitList(filters.status)} statuses={RUN_STATUSES} onChange={(s) => url.set({ status: s.join(",") })} />
        <SelectFilter
          id="f-type"
          label="Type"
          value={filters.type}
          onChange={(type) => url.set({ type })}
          anyLabel="All types"
          className="w-32"
          options={RUN_TYPES.map((t) => ({ value: t, label: RUN_TYPE_LABELS[t] ?? t }))}
        />
        {DAY.test(filters.day) ? (
          <FilterChip label={`Day (${filters.tz || "UTC"})`} value={format(new Date(`${filters.day}T12:00:00`), "EEE d MMM yyyy")} onRemove={() => url.set({ day: null, tz: null })} />
        ) : (
          <>
            <FieldLabel label="From" htmlFor="f-from">
              <Input id="f-from" type="date" className="w-40" value={filters.from} max={filters.to || undefined} onChange={(e) => url.set({ from: e.target.value })} />
            </FieldLabel>
            <FieldLabel label="To" htmlFor="f-to">
              <Input id="f-to" type="date" className="w-40" value={filters.to} min={filters.from || undefined} onChange={(e) => url.set({ to: e.target.value })} />
            </FieldLabel>
          </>
        )}
        {filters.endpointId ? <FilterChip label="Agent" value={endpoint.data?.name ?? "…"} onRemove={() => url.set({ endpointId: null })} /> : null}
        {filters.configurationId ? <FilterChip label="Plan" value={configuration.data?.name ?? "…"} onRemove={() => url.set({ configurationId: null })} /> : null}
      </FilterBar>
      <RunsTable
        rows={query.data?.items}
        isPending={query.isPending}
        error={query.error}
        onRetry={() => query.refetch()}
        isPlaceholderData={query.isPlaceholderData}
        sort={sort}
        onSort={sort.onSort}
        empty={
          <ListEmpty
            icon={ActivityIcon}
            filtered={filtered}
            onClear={clear}
            noun="runs"
            emptyTitle="No runs yet"
            emptyDescription="No backup, restore or cleanup has been reported yet. Runs appear here after the vendors report them at the next sync."
          />
        }
      />
      <UrlPagination url={url} total={query.data?.total} noun="runs" />
    </div>
  );
}
