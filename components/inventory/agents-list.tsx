"use client";
import { UrlPagination } from "@/components/common/url-pagination";
import Link from "next/link";
import { MonitorSmartphoneIcon } from "lucide-react";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { DataTable, type Column } from "@/components/common/data-table";
import { ConnectionFilter, CustomerFilter, FilterBar, NoSuccessFilter, StatusFilter, VendorFilter } from "@/components/common/filters";
import { BackupAge } from "@/components/common/backup-age";
import { ListEmpty } from "@/components/common/list-empty";
import { SearchInput } from "@/components/common/search-input";
import { STALE_ROW_CLASS, StaleBanner, StaleMark, useStaleConnections } from "@/components/common/stale";
import { StatusBadge } from "@/components/common/status-badge";
import { useListPage } from "@/components/common/use-list-page";
import { splitList } from "@/components/common/use-url-state";
import { formatBytes } from "@/lib/format";
import { useEndpoints, type EndpointDto } from "@/lib/queries/endpoints";
import type { Vendor } from "@/lib/vendors/catalog";

export const ENDPOINT_STATUSES = ["overdue", "failed", "missed", "offline", "warning", "running", "never-ran", "success", "disabled"] as const;
// agentVersion is a sort the API offers; the version shares the OS column, which sorts by OS.
const SORTS = ["name", "status", "lastSuccessAt", "storageBytes", "os", "agentVersion"] as const;
const FILTER_KEYS = ["q", "vendor", "connectionId", "customerId", "status", "noSuccessFor"] as const;

/** Every endpoint of every vendor in one table; filters, sort and page in the URL. */
export function AgentsList() {
  const { url, sort, filters, filtered, clear, query } = useListPage({ filterKeys: FILTER_KEYS, sorts: SORTS, defaultSort: "name" }, useEndpoints);
  const stale = useStaleConnections();

  const columns: Column<EndpointDto>[] = [
    {
      id: "name",
      header: "Agent",
      sortKey: "name",
      className: "max-w-72",
      cell: (e) => (
        <div className="min-w-0">
          <Link href={`/agents/${e.id}`} className="block truncate font-medium hover:underline focus-visible:underline focus-visible:outline-none">
            {e.name}
          </Link>
          {e.hostname && e.hostname !== e.name ? <div className="truncate text-xs text-muted-foreground">{e.hostname}</div> : null}
        </div>
      ),
    },
    { id: "customer", header: "Customer", className: "max-w-48 truncate", cell: (e) => (e.customer ? <span title={e.customer.name}>{e.customer.name}</span> : <span className="text-muted-foreground">—</span>) },
    {
      id: "vendor",
      header: "Vendor",
      className: "max-w-40",
      cell: (e) => (
        <div className="grid justify-items-start gap-0.5">
          <span className="flex items-center gap-1.5">
            <VendorBadge vendor={e.vendor as Vendor} />
            <StaleMark info={e.connection.stale ? { name: e.connection.name, staleReason: e.connection.staleReason, lastSyncSuccessAt: e.connection.lastSyncSuccessAt } : stale.forConnection(e.connection.id)} />
          </span>
          <span className="max-w-full truncate text-xs text-muted-foreground" title={`Connection: ${e.connection.name}`}>
            {e.connection.name}
          </span>
        </div>
      ),
    },
    { id: "status", header: "Status", sortKey: "status", cell: (e) => <StatusBadge status={e.status} /> },
    {
      id: "os",
      header: "OS / version",
      sortKey: "os",
      className: "max-w-44 text-xs",
      cell: (e) => (
        <div className="grid min-w-0">
          <span className="truncate" title={e.os ? `${e.os}${e.osVersion ? ` ${e.osVersion}` : ""}` : undefined}>
            {e.os ? `${e.os}${e.osVersion ? ` ${e.osVersion}` : ""}` : "—"}
          </span>
          <span className="truncate font-mono text-muted-foreground">{e.agentVersion ?? "—"}</span>
        </div>
      ),
    },
    {
      id: "lastSuccessAt",
      header: "Last good backup",
      sortKey: "lastSuccessAt",
      // Oldest (and never) first: the agents to look at.
      firstOrder: "asc",
      className: "whitespace-nowrap",
      cell: (e) => <BackupAge value={e.lastSuccessAt} quiet={e.status === "disabled"} />,
    },
    {
      id: "storage",
      header: "Storage",
      sortKey: "storageBytes",
      firstOrder: "desc",
      className: "text-right tabular-nums whitespace-nowrap",
      headClassName: "text-right",
      cell: (e) => formatBytes(e.storageBytes),
    },
  ];

  return (
    <div className="grid grid-cols-1 gap-4">
      <StaleBanner />
      <FilterBar onClear={clear} active={filtered}>
        <SearchInput value={filters.q} onChange={(q) => url.set({ q })} placeholder="Name, host, customer, OS…" className="w-56" />
        <VendorFilter value={filters.vendor} onChange={(vendor) => url.set({ vendor, connectionId: null, customerId: null })} />
        <ConnectionFilter value={filters.connectionId} vendor={filters.vendor} onChange={(connectionId) => url.set({ connectionId })} />
        <CustomerFilter value={filters.customerId} vendor={filters.vendor} onChange={(customerId) => url.set({ customerId })} />
        <StatusFilter value={splitList(filters.status)} statuses={ENDPOINT_STATUSES} onChange={(s) => url.set({ status: s.join(",") })} />
        <NoSuccessFilter value={filters.noSuccessFor} onChange={(noSuccessFor) => url.set({ noSuccessFor })} />
      </FilterBar>
      <DataTable
        label="Agents"
        columns={columns}
        rows={query.data?.items}
        rowKey={(e) => e.id}
        rowHref={(e) => `/agents/${e.id}`}
        rowClassName={(e) => (e.connection.stale ? STALE_ROW_CLASS : undefined)}
        isPending={query.isPending}
        error={query.error}
        onRetry={() => query.refetch()}
        isPlaceholderData={query.isPlaceholderData}
        sort={sort}
        onSort={sort.onSort}
        empty={
          <ListEmpty
            icon={MonitorSmartphoneIcon}
            filtered={filtered}
            onClear={clear}
            noun="agents"
            emptyTitle="No agents yet"
            emptyDescription="The connected vendor accounts report no endpoints. Install an MSP360 or Rackspace agent on a customer machine and it appears here after the next sync."
          />
        }
      />
      <UrlPagination url={url} total={query.data?.total} noun="agents" />
    </div>
  );
}
