"use client";
import { UrlPagination } from "@/components/common/url-pagination";
import Link from "next/link";
import { ClipboardListIcon } from "lucide-react";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { DataTable, type Column } from "@/components/common/data-table";
import { ConnectionFilter, CustomerFilter, FilterBar, FilterChip, NoSuccessFilter, SelectFilter, StatusFilter, VendorFilter } from "@/components/common/filters";
import { BackupAge } from "@/components/common/backup-age";
import { ListEmpty } from "@/components/common/list-empty";
import { SearchInput } from "@/components/common/search-input";
import { STALE_ROW_CLASS, StaleBanner, StaleMark, useStaleConnections } from "@/components/common/stale";
import { useListPage } from "@/components/common/use-list-page";
import { splitList } from "@/components/common/use-url-state";
import { useConfigurations, type ConfigurationListItem } from "@/lib/queries/configurations";
import { useCustomers } from "@/lib/queries/customers";
import { useEndpoint } from "@/lib/queries/endpoints";
import type { Vendor } from "@/lib/vendors/catalog";
import { Enabled, LastResult, NextRun, PlanStatus } from "./plan-cells";

export const PLAN_STATUSES = ["overdue", "failed", "missed", "warning", "running", "never-ran", "success", "disabled"] as const;
const SORTS = ["name", "status", "lastRunAt", "lastSuccessAt", "nextRunAt"] as const;
const FILTER_KEYS = ["q", "vendor", "connectionId", "customerId", "status", "enabled", "endpointId", "noSuccessFor"] as const;

export function PlansList() {
  const { url, sort, filters, filtered, clear, query } = useListPage({ filterKeys: FILTER_KEYS, sorts: SORTS, defaultSort: "name" }, useConfigurations);
  const stale = useStaleConnections();
  const customers = useCustomers();
  const customerNames = new Map((customers.data?.items ?? []).map((c) => [c.id, c.name]));
  const endpoint = useEndpoint(filters.endpointId || null);

  const columns: Column<ConfigurationListItem>[] = [
    {
      id: "name",
      header: "Plan",
      sortKey: "name",
      className: "max-w-64",
      cell: (c) => (
        <div className="min-w-0">
          <Link href={`/plans/${c.id}`} className="block truncate font-medium hover:underline focus-visible:underline focus-visible:outline-none">
            {c.name}
          </Link>
          <div className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
            <VendorBadge vendor={c.vendor as Vendor} />
            <StaleMark info={stale.forConnection(c.connection.id)} />
            <span className="truncate">{c.type}</span>
          </div>
        </div>
      ),
    },
    {
      id: "endpoint",
      header: "Agent / customer",
      className: "max-w-52",
      cell: (c) => (
        <div className="grid min-w-0">
          <Link href={`/agents/${c.endpoint.id}`} className="truncate hover:underline">
            {c.endpoint.name}
          </Link>
          <span className="truncate text-xs text-muted-foreground">{c.customerId ? (customerNames.get(c.customerId) ?? "…") : "—"}</span>
        </div>
      ),
    },
    {
      id: "schedule",
      header: "Schedule / next run",
      sortKey: "nextRunAt",
      className: "max-w-44 text-xs",
      cell: (c) => (
        <div className="grid justify-items-start gap-0.5">
          <span className="line-clamp-2">{c.schedule.description || "—"}</span>
          {c.enabled ? <NextRun at={c.nextRunAt} enabled /> : <Enabled enabled={false} />}
        </div>
      ),
    },
    { id: "lastRunAt", header: "Last result", sortKey: "lastRunAt", firstOrder: "desc", cell: (c) => <LastResult status={c.lastStatus} at={c.lastRunAt} /> },
    {
      id: "lastSuccessAt",
      header: "Last good backup",
      sortKey: "lastSuccessAt",
      // Oldest (and never) first: the plans to look at.
      firstOrder: "asc",
      cell: (c) => <BackupAge value={c.lastSuccessAt} quiet={!c.enabled} />,
    },
    { id: "status", header: "Status", sortKey: "status", cell: (c) => <PlanStatus status={c.status} missedSince={c.missedSince} /> },
  ];

  return (
    <div className="grid grid-cols-1 gap-4">
      <StaleBanner />
      <FilterBar onClear={clear} active={filtered}>
        <SearchInput value={filters.q} onChange={(q) => url.set({ q })} placeholder="Plan or agent name…" className="w-56" />
        <VendorFilter value={filters.vendor} onChange={(vendor) => url.set({ vendor, connectionId: null, customerId: null })} />
        <ConnectionFilter value={filters.connectionId} vendor={filters.vendor} onChange={(connectionId) => url.set({ connectionId })} />
        <CustomerFilter value={filters.customerId} vendor={filters.vendor} onChange={(customerId) => url.set({ customerId })} />
        <StatusFilter value={splitList(filters.status)} statuses={PLAN_STATUSES} onChange={(s) => url.set({ status: s.join(",") })} />
        <SelectFilter
          id="f-enabled"
          label="Enabled"
          value={filters.enabled}
          onChange={(enabled) => url.set({ enabled })}
          anyLabel="Any"
          className="w-40"
          options={[
            { value: "true", label: "Enabled only" },
            { value: "false", label: "Disabled only" },
          ]}
        />
        <NoSuccessFilter value={filters.noSuccessFor} onChange={(noSuccessFor) => url.set({ noSuccessFor })} />
        {filters.endpointId ? <FilterChip label="Agent" value={endpoint.data?.name ?? "…"} onRemove={() => url.set({ endpointId: null })} /> : null}
      </FilterBar>
      <DataTable
        label="Backup plans"
        columns={columns}
        rows={query.data?.items}
        rowKey={(c) => c.id}
        rowHref={(c) => `/plans/${c.id}`}
        rowClassName={(c) => (stale.forConnection(c.connection.id) ? STALE_ROW_CLASS : undefined)}
        isPending={query.isPending}
        error={query.error}
        onRetry={() => query.refetch()}
        isPlaceholderData={query.isPlaceholderData}
        sort={sort}
        onSort={sort.onSort}
        empty={
          <ListEmpty
            icon={ClipboardListIcon}
            filtered={filtered}
            onClear={clear}
            noun="backup plans"
            emptyTitle="No backup plans yet"
            emptyDescription="The connected vendor accounts report no backup plans. Create one in the vendor's console; it appears here after the next sync."
          />
        }
      />
      <UrlPagination url={url} total={query.data?.total} noun="plans" />
    </div>
  );
}
