"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { monitoringOverview } from "@/lib/services/monitoring";
import { REFRESH_MS, toQueryString } from "./sync";

export type MonitoringDto = Awaited<ReturnType<typeof monitoringOverview>>;
export type MonitoringItem = MonitoringDto["items"][number];
export type MonitoringParams = { vendor?: string; customerId?: string; limit?: number };

export const monitoringKeys = {
  all: ["monitoring"] as const,
  overview: (params: MonitoringParams) => [...monitoringKeys.all, params] as const,
};

export function useMonitoring(params: MonitoringParams = {}) {
  return useQuery({
    queryKey: monitoringKeys.overview(params),
    queryFn: ({ signal }) => apiFetch<MonitoringDto>(`/api/v1/monitoring${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.live,
  });
}
