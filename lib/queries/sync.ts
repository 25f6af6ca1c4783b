"use client";
// Sync health of every connection (GET /api/v1/sync).
import { useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { REFRESH_MS } from "./refresh";

export type { SyncStatusDto } from "@/lib/schemas/sync";

export const syncKeys = { all: ["sync"] as const, status: () => [...syncKeys.all, "status"] as const };

export function useSyncStatus() {
  return useQuery({
    queryKey: syncKeys.status(),
    queryFn: ({ signal }) => callApi(API.syncStatus, { signal }),
    refetchInterval: REFRESH_MS.live,
  });
}
