"use client";
// Sync health of every connection (GET /api/v1/sync), plus the query-string helpers the data hooks share.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { listSyncStatus } from "@/lib/services/sync-status";

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=2` without empty values, so equal filters make equal URLs. */
export function toQueryString(params: QueryParams): string {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    out[key] = String(value);
  }
  const search = new URLSearchParams(out).toString();
  return search ? `?${search}` : "";
}

/** How often data refreshes on its own, so a wall display stays current. */
export const REFRESH_MS = { list: 60_000, live: 30_000 } as const;

export type SyncStatusDto = Awaited<ReturnType<typeof listSyncStatus>>[number];

export const syncKeys = { all: ["sync"] as const, status: () => [...syncKeys.all, "status"] as const };

export function useSyncStatus() {
  return useQuery({
    queryKey: syncKeys.status(),
    queryFn: ({ signal }) => apiFetch<SyncStatusDto[]>("/api/v1/sync", { signal }),
    refetchInterval: REFRESH_MS.live,
  });
}
