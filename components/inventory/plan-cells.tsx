"use client";
import { CircleCheckIcon, CircleMinusIcon } from "lucide-react";
import { RelativeTime } from "@/components/common/relative-time";
import { StatusBadge } from "@/components/common/status-badge";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";

/** The plan's status; a missed plan says since when. */
export function PlanStatus({ status, missedSince }: { status: string; missedSince: string | null }) {
  return (
    <div className="grid justify-items-start gap-0.5">
      <StatusBadge status={status} />
      {status === "missed" && missedSince ? (
        <span className="text-xs text-muted-foreground">
          since <RelativeTime value={missedSince} />
        </span>
      ) : null}
    </div>
  );
}

/** The vendor's last result and when it ran. */
export function LastResult({ status, at }: { status: string; at: string | null }) {
  return (
    <div className="grid justify-items-start gap-0.5">
      <StatusBadge status={status} />
      <span className="text-xs whitespace-nowrap text-muted-foreground">
        <RelativeTime value={at} fallback="never ran" />
      </span>
    </div>
  );
}

/** When the next run is expected; past and enabled reads as overdue. */
export function NextRun({ at, enabled }: { at: string | null; enabled: boolean }) {
  if (!enabled) return <span className="text-muted-foreground">—</span>;
  if (!at) return <span className="text-xs text-muted-foreground">not scheduled</span>;
  // eslint-disable-next-line react-hooks/purity -- "overdue" is relative to now; RelativeTime re-renders each minute
  const overdue = new Date(at).getTime() < Date.now() - 5 * 60_000;
  return (
    <span className={cn("whitespace-nowrap", overdue && "font-medium text-missed-text")} title={formatDateTime(at)}>
      <RelativeTime value={at} />
      {overdue ? <span className="block text-xs font-normal">overdue</span> : null}
    </span>
  );
}

export function Enabled({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <span className="inline-flex items-center gap-1 text-xs">
      <CircleCheckIcon className="size-3.5 text-success" aria-hidden />
      Enabled
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
      <CircleMinusIcon className="size-3.5" aria-hidden />
      Disabled
    </span>
  );
}
