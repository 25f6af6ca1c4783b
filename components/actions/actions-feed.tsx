"use client";
// The actions feed: who asked a vendor for what, when, and where it stands now. Open actions refresh on their own.
import Link from "next/link";
import { ZapIcon } from "lucide-react";
import { DataTable, type Column } from "@/components/common/data-table";
import { FilterBar, SelectFilter } from "@/components/common/filters";
import { RelativeTime } from "@/components/common/relative-time";
import { StatusBadge } from "@/components/common/status-badge";
import { useUrlState } from "@/components/common/use-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { formatDateTime } from "@/lib/format";
import { ACTION_LABELS, ACTION_STATES } from "@/lib/schemas/actions";
import { useActionsFeed, type ActionDto } from "@/lib/queries/actions";

/** An action's state as a status the rest of the app knows (colour, icon and words together). */
const STATE_STATUS: Record<ActionDto["state"], { status: string; label: string }> = {
  sending: { status: "running", label: "Sending" },
  running: { status: "running", label: "Running" },
  succeeded: { status: "success", label: "Done" },
  failed: { status: "failed", label: "Did not happen" },
  unknown: { status: "unknown", label: "Outcome unknown" },
};

const HREF: Record<ActionDto["target"]["kind"], string> = { configuration: "/plans/", endpoint: "/agents/", run: "/activity/runs/" };

const columns: Column<ActionDto>[] = [
  {
    id: "when",
    header: "Asked",
    className: "whitespace-nowrap",
    cell: (a) => (
      <span title={formatDateTime(a.createdAt)}>
        <RelativeTime value={a.createdAt} />
      </span>
    ),
  },
  { id: "who", header: "By", className: "max-w-48 truncate", cell: (a) => <span title={a.requestedBy}>{a.requestedBy}</span> },
  { id: "what", header: "Action", className: "whitespace-nowrap font-medium", cell: (a) => ACTION_LABELS[a.type] },
  {
    id: "target",
    header: "On",
    className: "max-w-64",
    cell: (a) => (
      <span className="flex items-center gap-1.5">
        <VendorBadge vendor={a.vendor} />
        <Link href={`${HREF[a.target.kind]}${a.target.id}`} className="truncate hover:underline">
          {a.target.label}
        </Link>
      </span>
    ),
  },
  {
    id: "state",
    header: "State",
    card: "status",
    cell: (a) => <StatusBadge status={STATE_STATUS[a.state].status} label={a.job && a.state === "running" ? a.job.stateLabel : STATE_STATUS[a.state].label} />,
  },
  {
    id: "message",
    header: "What happened",
    className: "max-w-md text-xs text-muted-foreground",
    cell: (a) => (
      <span className="line-clamp-2">
        {a.message}
        {a.runId ? (
          <>
            {" "}
            <Link href={`/activity/runs/${a.runId}`} className="font-medium text-primary hover:underline">
              Run
            </Link>
          </>
        ) : null}
      </span>
    ),
  },
];

export function ActionsFeed() {
  const url = useUrlState();
  const state = url.get("state");
  const feed = useActionsFeed({ state, limit: 100 });
  return (
    <div className="grid grid-cols-1 gap-4">
      <FilterBar onClear={() => url.set({ state: null })} active={!!state}>
        <SelectFilter
          id="action-state"
          label="State"
          value={state}
          onChange={(value) => url.set({ state: value })}
          options={ACTION_STATES.map((s) => ({ value: s, label: STATE_STATUS[s].label }))}
        />
      </FilterBar>
      <DataTable
        label="Actions"
        columns={columns}
        rows={feed.data?.items}
        rowKey={(a) => a.id}
        isPending={feed.isPending}
        error={feed.error}
        onRetry={() => feed.refetch()}
        isPlaceholderData={feed.isPlaceholderData}
        empty={
          <EmptyState
            icon={ZapIcon}
            title={state ? "No actions in this state" : "No actions yet"}
            description="Start a backup, restore or switch an agent from a plan, agent or run page, or from the monitoring queue; each request shows here with its state."
          />
        }
      />
    </div>
  );
}
