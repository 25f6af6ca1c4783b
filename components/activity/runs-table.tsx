"use client";
import Link from "next/link";
import { ActivityIcon } from "lucide-react";
import type { ReactNode } from "react";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { DataTable, type Column, type SortOrder } from "@/components/common/data-table";
import { StaleMark, useStaleConnections } from "@/components/common/stale";
import { StatusBadge } from "@/components/common/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatBytes, formatDuration, formatNumber, formatRelative, formatShortDateTime } from "@/lib/format";
import type { RunDto } from "@/lib/queries/runs";
import type { Vendor } from "@/lib/vendors/catalog";

export const RUN_TYPE_LABELS: Record<string, string> = { backup: "Backup", restore: "Restore", cleanup: "Cleanup", other: "Check or other job" };

function Started({ value }: { value: string }) {
  return (
    <time dateTime={value} className="grid whitespace-nowrap" suppressHydrationWarning>
      <span className="tabular-nums">{formatShortDateTime(value)}</span>
      <span className="text-xs text-muted-foreground">{formatRelative(value)}</span>
    </time>
  );
}

/** The vendor badge, marked when the run's connection has stale data. */
function VendorCell({ vendor, connectionId }: { vendor: string; connectionId: string }) {
  const stale = useStaleConnections();
  return (
    <span className="flex items-center gap-1.5">
      <VendorBadge vendor={vendor as Vendor} className="px-1.5 py-0 text-[11px]" />
      <StaleMark info={stale.forConnection(connectionId)} />
    </span>
  );
}

export function runColumns({ showEndpoint = true, showPlan = true, showVendor = true } = {}): Column<RunDto>[] {
  const columns: (Column<RunDto> | false)[] = [
    {
      id: "startedAt",
      header: "Started",
      sortKey: "startedAt",
      firstOrder: "desc",
      cell: (r) => (
        <Link href={`/activity/runs/${r.id}`} className="hover:underline focus-visible:underline focus-visible:outline-none" aria-label={`Run of ${r.endpoint.name} at ${formatShortDateTime(r.startedAt)}`}>
          <Started value={r.startedAt} />
        </Link>
      ),
    },
    showEndpoint && {
      id: "endpoint",
      header: "Agent",
      className: "min-w-36 max-w-52",
      cell: (r) => (
        <div className="grid min-w-0 justify-items-start gap-0.5">
          <Link href={`/agents/${r.endpoint.id}`} className="max-w-full truncate font-medium hover:underline">
            {r.endpoint.name}
          </Link>
          {showVendor ? <VendorCell vendor={r.vendor} connectionId={r.connectionId} /> : null}
        </div>
      ),
    },
    {
      id: "plan",
      header: showPlan ? "Plan / type" : "Type",
      className: "min-w-40 max-w-56",
      cell: (r) => (
        <div className="grid min-w-0">
          {showPlan ? (
            r.configuration ? (
              <Link href={`/plans/${r.configuration.id}`} className="truncate hover:underline">
                {r.configuration.name}
              </Link>
            ) : (
              <span className="text-muted-foreground">no plan</span>
            )
          ) : null}
          <span className={showPlan ? "text-xs text-muted-foreground" : "text-sm"}>{RUN_TYPE_LABELS[r.type] ?? r.type}</span>
        </div>
      ),
    },
    { id: "status", header: "Status", sortKey: "status", cell: (r) => <StatusBadge status={r.status} /> },
    {
      id: "duration",
      header: "Duration",
      sortKey: "durationSeconds",
      firstOrder: "desc",
      className: "text-right tabular-nums whitespace-nowrap",
      headClassName: "text-right",
      cell: (r) => formatDuration(r.durationSeconds),
    },
    {
      id: "bytes",
      header: "Size / files",
      sortKey: "bytes",
      firstOrder: "desc",
      className: "text-right tabular-nums whitespace-nowrap",
      headClassName: "text-right",
      cell: (r) => (
        <div className="grid justify-items-end">
          <span>{formatBytes(r.bytes)}</span>
          {r.filesProcessed !== null ? <span className="text-xs text-muted-foreground">{formatNumber(r.filesProcessed)} files</span> : null}
          {r.filesFailed ? <span className="text-xs font-medium text-destructive">{formatNumber(r.filesFailed)} failed</span> : null}
        </div>
      ),
    },
    {
      id: "message",
      header: "Message",
      className: "min-w-48 max-w-72",
      cell: (r) =>
        r.message ? (
          <span className="line-clamp-2 text-xs text-muted-foreground" title={r.message}>
            {r.message}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
  ];
  return columns.filter((c): c is Column<RunDto> => !!c);
}

/** Runs as a table; used by Activity (paged on the server) and the detail pages (their latest runs). */
export function RunsTable({
  rows,
  isPending = false,
  error,
  onRetry,
  isPlaceholderData,
  sort,
  onSort,
  empty,
  showEndpoint,
  showPlan,
  showVendor,
}: {
  rows: RunDto[] | undefined;
  isPending?: boolean;
  error?: Error | null;
  onRetry?: () => void;
  isPlaceholderData?: boolean;
  sort?: { key: string; order: SortOrder };
  onSort?: (key: string, order: SortOrder) => void;
  empty?: ReactNode;
  showEndpoint?: boolean;
  showPlan?: boolean;
  showVendor?: boolean;
}) {
  const columns = runColumns({ showEndpoint, showPlan, showVendor });
  return (
    <DataTable
      label="Runs"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowHref={(r) => `/activity/runs/${r.id}`}
      rowClassName={(r) => (r.status === "failed" ? "bg-destructive/[0.03]" : undefined)}
      isPending={isPending}
      error={error}
      onRetry={onRetry}
      isPlaceholderData={isPlaceholderData}
      sort={sort}
      onSort={onSort}
      empty={empty ?? <EmptyState icon={ActivityIcon} title="No runs yet" description="Runs appear here after the vendor reports them at the next sync." />}
    />
  );
}
