"use client";
// Usage lines, sorted and searched in the browser (the report comes whole), drawn as a virtualized list so
// thousands of endpoints scroll smoothly.
import { useRef } from "react";
import Link from "next/link";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { formatBytes, formatMoney, formatNumber, formatPeriod } from "@/lib/format";
import type { Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";
import type { UsageLine } from "./aggregate";

export type UsageSort = "name" | "storage" | "cost";

const ROW_HEIGHT = 52;

function SortHeader({ id, label, first, className, sort, order, onSort }: { id: UsageSort; label: string; first: "asc" | "desc"; className?: string; sort: UsageSort; order: "asc" | "desc"; onSort: (sort: UsageSort, order: "asc" | "desc") => void }) {
  const active = sort === id;
  return (
    <div role="columnheader" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <button
        type="button"
        className="inline-flex items-center gap-1 rounded-sm uppercase hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        onClick={() => onSort(id, active ? (order === "asc" ? "desc" : "asc") : first)}
      >
        {label}
        {active ? order === "asc" ? <ArrowUpIcon className="size-3.5 text-foreground" aria-hidden /> : <ArrowDownIcon className="size-3.5 text-foreground" aria-hidden /> : <ArrowUpDownIcon className="size-3.5 opacity-50" aria-hidden />}
      </button>
    </div>
  );
}


export function UsageTable({
  lines,
  by,
  range,
  sort,
  order,
  onSort,
}: {
  lines: UsageLine[];
  by: "customer" | "endpoint";
  range: boolean;
  sort: UsageSort;
  order: "asc" | "desc";
  onSort: (sort: UsageSort, order: "asc" | "desc") => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const columns = range ? "grid-cols-[minmax(0,2.2fr)_minmax(0,1fr)_7rem_6rem_7rem_4.5rem]" : "grid-cols-[minmax(0,2.2fr)_minmax(0,1fr)_8rem_8rem]";
  const sortProps = { sort, order, onSort };

  return (
    <div role="table" aria-label={`Usage per ${by}`} aria-rowcount={lines.length + 1} className="rounded-lg border bg-card text-sm shadow-xs">
      <div role="rowgroup">
        <div role="row" className={cn("grid items-center gap-3 border-b px-4 py-2.5 text-xs font-medium uppercase tracking-wide text-muted-foreground", columns)}>
          <SortHeader {...sortProps} id="name" label={by === "customer" ? "Customer" : "Endpoint"} first="asc" />
          <div role="columnheader">Vendor</div>
          <SortHeader {...sortProps} id="storage" label={range ? "Latest" : "Storage"} first="desc" className="text-right" />
          {range ? (
            <div role="columnheader" className="text-right">
              Peak
            </div>
          ) : null}
          <SortHeader {...sortProps} id="cost" label={range ? "Cost (sum)" : "Cost"} first="desc" className="text-right" />
          {range ? (
            <div role="columnheader" className="text-right">
              Months
            </div>
          ) : null}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="max-h-[36rem] overflow-auto">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((row) => {
            const line = lines[row.index]!;
            const name = by === "customer" ? (line.customer ?? "Unassigned") : (line.endpoint ?? "Unknown endpoint");
            return (
              <div
                key={line.key}
                role="row"
                aria-rowindex={row.index + 2}
                data-testid="usage-row"
                className={cn("absolute inset-x-0 grid items-center gap-3 border-b px-4 hover:bg-muted/50", columns)}
                style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                <div role="cell" className="min-w-0">
                  {by === "endpoint" && line.endpointId ? (
                    <Link href={`/agents/${line.endpointId}`} className="block truncate font-medium hover:underline">
                      {name}
                    </Link>
                  ) : (
                    <span className="block truncate font-medium" title={name}>
                      {name}
                    </span>
                  )}
                  <span className="block truncate text-xs text-muted-foreground">
                    {by === "endpoint" ? (line.customer ?? "—") : (line.parts ?? [line]).map((p) => (p.rolledUp ? `${p.connection} (summed from its endpoints)` : p.connection)).join(" · ")}
                  </span>
                </div>
                <div role="cell" className="flex min-w-0 flex-wrap gap-1">
                  {[...new Set((line.parts ?? [line]).map((p) => p.vendor))].map((v) => (
                    <VendorBadge key={v} vendor={v as Vendor} />
                  ))}
                </div>
                <div role="cell" className="text-right tabular-nums font-medium" title={`${formatNumber(Math.round(line.storageBytes))} bytes${range ? ` (${formatPeriod(line.latestPeriod)})` : ""}`}>
                  {formatBytes(line.storageBytes)}
                </div>
                {range ? (
                  <div role="cell" className="text-right tabular-nums text-muted-foreground">
                    {formatBytes(line.peakBytes)}
                  </div>
                ) : null}
                <div role="cell" className="text-right tabular-nums">
                  {line.cost === null ? <span className="text-muted-foreground" title="The vendor reports no cost">—</span> : formatMoney(line.cost)}
                </div>
                {range ? (
                  <div role="cell" className="text-right tabular-nums text-muted-foreground">
                    {line.months}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
