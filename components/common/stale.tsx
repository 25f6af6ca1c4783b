"use client";
// Stale vendor data: a banner on every data page naming the connection, how old its data is and why,
// and a subtle mark on the rows that come from it.
import { useMemo } from "react";
import { CloudOffIcon, RefreshCwIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { useSyncStatus, type SyncStatusDto } from "@/lib/queries/sync";
import type { Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";
import { formatRelative } from "@/lib/format";
import { RelativeTime } from "./relative-time";

export interface StaleInfo {
  name: string;
  staleReason: string | null;
  lastSyncSuccessAt: string | null;
}

export function useStaleConnections() {
  const sync = useSyncStatus();
  return useMemo(() => {
    const connections = (sync.data ?? []).filter((c) => c.connection.enabled);
    const stale = connections.filter((c) => c.stale);
    const info = (c: SyncStatusDto): StaleInfo => ({ name: c.connection.name, staleReason: c.staleReason, lastSyncSuccessAt: c.lastSyncSuccessAt });
    const byId = new Map(stale.map((c) => [c.connection.id, info(c)]));
    return {
      query: sync,
      connections,
      stale,
      /** The stale connection a row belongs to, by connection id. */
      forConnection: (id: string | null | undefined): StaleInfo | null => (id ? (byId.get(id) ?? null) : null),
      /** Connections that have never finished a sync: their data is still on its way. */
      syncingFirstTime: connections.filter((c) => !c.lastSyncSuccessAt && !c.stale),
    };
  }, [sync]);
}

/** "Rackspace demo: data from 2 hours ago — <reason>", one line per stale connection. */
export function StaleBanner({ className }: { className?: string }) {
  const { stale, syncingFirstTime } = useStaleConnections();
  if (stale.length === 0 && syncingFirstTime.length === 0) return null;
  return (
    <div className={cn("grid grid-cols-1 gap-2", className)}>
      {stale.map((c) => (
        <Alert key={c.connection.id} variant="warning" className="items-center" data-testid="stale-banner">
          <CloudOffIcon aria-hidden className="text-stale-text" />
          <div className="flex-1">
            <VendorBadge vendor={c.connection.vendor as Vendor} className="mr-2 align-middle" />
            <span>
              <strong>{c.connection.name}</strong>:{" "}
              {c.lastSyncSuccessAt ? (
                <>
                  data from <RelativeTime value={c.lastSyncSuccessAt} />
                </>
              ) : (
                "no data synced yet"
              )}
              {c.staleReason ? <> — {c.staleReason}</> : null}
            </span>
          </div>
        </Alert>
      ))}
      {syncingFirstTime.map((c) => (
        <Alert key={c.connection.id} variant="info" className="items-center">
          <RefreshCwIcon aria-hidden className="animate-spin text-primary [animation-duration:2s]" />
          <span>
            <strong>{c.connection.name}</strong> has no data yet:{" "}
            {c.recent[0]?.status === "running" ? "its first sync is under way; its data appears here when it finishes." : "it is waiting for its first sync, which starts within a few minutes."}
          </span>
        </Alert>
      ))}
    </div>
  );
}

/** The row mark: an inset stripe on the row and a tinted background. */
export const STALE_ROW_CLASS = "bg-amber-500/[0.06] shadow-[inset_3px_0_0_var(--color-amber-500)] dark:bg-amber-400/[0.06]";

/** An icon next to a stale row's connection, with the reason on hover. */
export function StaleMark({ info, className }: { info: StaleInfo | null; className?: string }) {
  if (!info) return null;
  const age = info.lastSyncSuccessAt ? `data from ${formatRelative(info.lastSyncSuccessAt)}` : "no data synced yet";
  const text = `${info.name}: ${age}${info.staleReason ? ` — ${info.staleReason}` : ""}`;
  return (
    <span className={cn("inline-flex items-center text-stale-text", className)} title={text}>
      <CloudOffIcon className="size-3.5" aria-hidden />
      <span className="sr-only">Stale data: {text}</span>
    </span>
  );
}
